import type { IdentifierResult } from './result.js';

/**
 * Every reason `parseNiss` can refuse an input, in the order the checks run.
 *
 * @example
 * nissErrorCodes.includes('NISS_CHECK_DIGITS'); // true
 */
export const nissErrorCodes = [
  'NISS_FORMAT',
  'NISS_MONTH',
  'NISS_CHECK_DIGITS',
  'NISS_DAY',
  'NISS_COUNTER',
  'NISS_BIRTH_DATE_FUTURE',
] as const;

/**
 * A code from {@link nissErrorCodes}.
 *
 * @example
 * const code: NissErrorCode = 'NISS_DAY';
 */
export type NissErrorCode = (typeof nissErrorCodes)[number];

/**
 * Birth date encoded in a NISS. `month` and `day` are `null` when the register recorded them as
 * unknown (encoded as 00).
 *
 * @example
 * const birthDate: NissBirthDate = { year: 1985, month: 7, day: null };
 */
export interface NissBirthDate {
  year: number;
  month: number | null;
  day: number | null;
}

/**
 * What a valid NISS tells about its holder.
 *
 * @example
 * const info: NissInfo = {
 *   niss: '85073003328',
 *   kind: 'register',
 *   birthDate: { year: 1985, month: 7, day: 30 },
 *   sex: 'male',
 * };
 */
export interface NissInfo {
  /** The 11 bare digits, as stored. */
  niss: string;
  /** `register`: national register number; `bis`: BIS number of the Crossroads Bank for Social Security. */
  kind: 'register' | 'bis';
  birthDate: NissBirthDate;
  /** `null` for BIS numbers issued while the sex was unknown (month + 20). */
  sex: 'male' | 'female' | null;
}

// People write the number as printed on the eID (`85.07.30-033.28`) or with spaces; those
// separators carry no meaning.
const SEPARATORS = /[\s.-]/g;
const ELEVEN_DIGITS = /^[0-9]{11}$/;

// The register added the millennium digit to the check computation for people born in 2000 or
// later, so the same nine digits yield different check digits for 19YY and 20YY births.
const MILLENNIUM_PREFIX = 2_000_000_000;

function checkDigits(firstNine: number): number {
  // Modulo 97 check: a remainder of 0 is written as 97, never as 00.
  return 97 - (firstNine % 97);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isAfter(birthDate: NissBirthDate, today: { year: number; month: number; day: number }): boolean {
  // Unknown parts cannot be compared, so only the known prefix of the date is checked.
  if (birthDate.year !== today.year) return birthDate.year > today.year;
  if (birthDate.month === null) return false;
  if (birthDate.month !== today.month) return birthDate.month > today.month;
  if (birthDate.day === null) return false;
  return birthDate.day > today.day;
}

function refuse(code: NissErrorCode, message: string): IdentifierResult<NissInfo, NissErrorCode> {
  return { ok: false, code, message };
}

/**
 * Parses a Belgian NISS/INSZ (national register number or BIS number), printed `YY.MM.DD-SSS.CC`.
 * Spaces, dots and dashes are ignored. `today` is the caller's current date (Belgian calendar
 * day), used to decide the century and to refuse birth dates in the future.
 *
 * @example
 * parseNiss('85.07.30-033.28', { year: 2026, month: 11, day: 29 });
 * // { ok: true, value: { niss: '85073003328', kind: 'register',
 * //   birthDate: { year: 1985, month: 7, day: 30 }, sex: 'male' } }
 * parseNiss('85.07.30-033.29', { year: 2026, month: 11, day: 29 });
 * // { ok: false, code: 'NISS_CHECK_DIGITS', message: '...' }
 */
export function parseNiss(
  input: string,
  today: { year: number; month: number; day: number },
): IdentifierResult<NissInfo, NissErrorCode> {
  const niss = input.replace(SEPARATORS, '');
  if (!ELEVEN_DIGITS.test(niss)) {
    return refuse(
      'NISS_FORMAT',
      'A NISS must contain exactly 11 digits (YY.MM.DD-SSS.CC); only spaces, dots and dashes may separate them.',
    );
  }

  const yy = Number(niss.slice(0, 2));
  const rawMonth = Number(niss.slice(2, 4));
  const rawDay = Number(niss.slice(4, 6));
  const counter = Number(niss.slice(6, 9));
  const firstNine = Number(niss.slice(0, 9));
  const check = Number(niss.slice(9, 11));

  // BIS numbers add 20 (sex unknown) or 40 (sex known) to the birth month, so valid raw months
  // are 00-12, 20-32 and 40-52; 00 (and so 20 and 40) means the month is unknown.
  if (rawMonth > 52 || rawMonth % 20 > 12) {
    return refuse(
      'NISS_MONTH',
      'The month part of the NISS (3rd and 4th digits) is not a valid month; check the number on the identity document.',
    );
  }
  const kind = rawMonth >= 20 ? 'bis' : 'register';
  const month = rawMonth % 20;

  // The 1900 variant is tried first; the 2000 variant only applies when its check digits match.
  let year: number;
  if (checkDigits(firstNine) === check) {
    year = 1900 + yy;
  } else if (checkDigits(MILLENNIUM_PREFIX + firstNine) === check) {
    year = 2000 + yy;
  } else {
    return refuse(
      'NISS_CHECK_DIGITS',
      'The NISS check digits (last two digits) do not match the first nine digits; a digit was probably mistyped.',
    );
  }

  // Day 00 means the day is unknown; a known day with an unknown month cannot exist.
  if (month === 0 && rawDay !== 0) {
    return refuse(
      'NISS_DAY',
      'The NISS has a day of birth but no month of birth (month 00); check the number on the identity document.',
    );
  }
  if (month !== 0 && rawDay > daysInMonth(year, month)) {
    return refuse(
      'NISS_DAY',
      'The day part of the NISS (5th and 6th digits) does not exist in that month and year; check the number on the identity document.',
    );
  }

  // The national register numbers people born on one date from 001 to 998; BIS numbers are not
  // bound by that range.
  if (kind === 'register' && (counter === 0 || counter === 999)) {
    return refuse(
      'NISS_COUNTER',
      'The sequence number of the NISS (7th to 9th digits) cannot be 000 or 999 for a national register number.',
    );
  }

  const birthDate: NissBirthDate = {
    year,
    month: month === 0 ? null : month,
    day: rawDay === 0 ? null : rawDay,
  };
  if (isAfter(birthDate, today)) {
    return refuse(
      'NISS_BIRTH_DATE_FUTURE',
      'The NISS encodes a birth date in the future; check the number on the identity document.',
    );
  }

  // Odd counters are given to men and even ones to women, except on BIS numbers issued while the
  // sex was unknown (month + 20).
  const sex = kind === 'bis' && rawMonth < 40 ? null : counter % 2 === 1 ? 'male' : 'female';

  return { ok: true, value: { niss, kind, birthDate, sex } };
}

/**
 * Whether `input` is a valid NISS/INSZ on `today` (see {@link parseNiss}).
 *
 * @example
 * isValidNiss('85073003328', { year: 2026, month: 11, day: 29 }); // true
 */
export function isValidNiss(input: string, today: { year: number; month: number; day: number }): boolean {
  return parseNiss(input, today).ok;
}

/**
 * Prints a NISS the way the eID and ONSS documents do: `YY.MM.DD-SSS.CC`. Separators in the input
 * are ignored; an input that is not 11 digits is returned unchanged, since formatting is for display
 * and must not hide what the user typed.
 *
 * @example
 * formatNiss('85073003328'); // '85.07.30-033.28'
 */
export function formatNiss(niss: string): string {
  const digits = niss.replace(SEPARATORS, '');
  if (!ELEVEN_DIGITS.test(digits)) return niss;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9, 11)}`;
}

/**
 * Masks a NISS for lists shown to roles that do not need the full number, e.g. `85.07.**-***.**`.
 *
 * Only the year and the raw month digits stay visible: together with the name they are enough to
 * tell two workers apart, while the day, sequence number and check digits (which make the number
 * identify one person) are hidden, as the NISS is personal data whose use is restricted by law. The
 * raw month is kept as written, so a BIS number still shows its +20/+40 month. An input that is not
 * 11 digits is fully masked rather than returned, so nothing leaks by mistake.
 *
 * @example
 * maskNiss('85073003328'); // '85.07.**-***.**'
 * maskNiss('oops'); // '**.**.**-***.**'
 */
export function maskNiss(niss: string): string {
  const digits = niss.replace(SEPARATORS, '');
  if (!ELEVEN_DIGITS.test(digits)) return '**.**.**-***.**';
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.**-***.**`;
}
