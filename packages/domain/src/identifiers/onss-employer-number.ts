import type { IdentifierResult } from './result.js';

/**
 * Every reason `parseOnssEmployerNumber` can refuse an input, in the order the checks run.
 *
 * @example
 * onssEmployerNumberErrorCodes.includes('EMPLOYER_NUMBER_FORMAT'); // true
 */
export const onssEmployerNumberErrorCodes = [
  'EMPLOYER_NUMBER_FORMAT',
  'EMPLOYER_NUMBER_CHECK_DIGITS',
] as const;

/**
 * A code from {@link onssEmployerNumberErrorCodes}.
 *
 * @example
 * const code: OnssEmployerNumberErrorCode = 'EMPLOYER_NUMBER_CHECK_DIGITS';
 */
export type OnssEmployerNumberErrorCode = (typeof onssEmployerNumberErrorCodes)[number];

/**
 * A valid ONSS/RSZ employer number.
 *
 * @example
 * const employer: OnssEmployerNumber = { number: '123456749', provisional: false };
 */
export interface OnssEmployerNumber {
  /** The 9 (definitive) or 10 (provisional) bare digits, as stored. */
  number: string;
  /** Provisional numbers are handed out before registration is complete and are replaced later. */
  provisional: boolean;
}

// ONSS letters and social secretariats write the number with dots, dashes or slashes
// (`1234567-49`, `123/4567/49`); none of them carries meaning.
const SEPARATORS = /[\s.\-/]/g;
const DEFINITIVE = /^[0-9]{9}$/;
// Provisional numbers are 10 digits long and always start with 5.
const PROVISIONAL = /^5[0-9]{9}$/;

function normalise(input: string): string {
  return input.replace(SEPARATORS, '');
}

function refuse(
  code: OnssEmployerNumberErrorCode,
  message: string,
): IdentifierResult<OnssEmployerNumber, OnssEmployerNumberErrorCode> {
  return { ok: false, code, message };
}

/**
 * Parses an ONSS/RSZ employer number: 9 digits (7 + 2 check digits), or a provisional 10-digit
 * number starting with 5. Spaces, dots, dashes and slashes are ignored.
 *
 * @example
 * parseOnssEmployerNumber('1234567-49'); // { ok: true, value: { number: '123456749', provisional: false } }
 * parseOnssEmployerNumber('51234567-73'); // { ok: true, value: { number: '5123456773', provisional: true } }
 * parseOnssEmployerNumber('1234567-48'); // { ok: false, code: 'EMPLOYER_NUMBER_CHECK_DIGITS', ... }
 */
export function parseOnssEmployerNumber(
  input: string,
): IdentifierResult<OnssEmployerNumber, OnssEmployerNumberErrorCode> {
  const number = normalise(input);
  const provisional = PROVISIONAL.test(number);
  if (!provisional && !DEFINITIVE.test(number)) {
    return refuse(
      'EMPLOYER_NUMBER_FORMAT',
      'An ONSS employer number must contain 9 digits (e.g. 1234567-49), or 10 digits starting with 5 for a provisional number; only spaces, dots, dashes and slashes may separate them.',
    );
  }

  // The ONSS check digits are chosen so that the whole number leaves a remainder of 96 modulo 97.
  // Ten digits stay far below Number.MAX_SAFE_INTEGER, so plain numbers are exact here.
  if (Number(number) % 97 !== 96) {
    return refuse(
      'EMPLOYER_NUMBER_CHECK_DIGITS',
      'The ONSS employer number check digits (last two digits) do not match the other digits; a digit was probably mistyped.',
    );
  }

  return { ok: true, value: { number, provisional } };
}

/**
 * Whether `input` is a valid ONSS/RSZ employer number (see {@link parseOnssEmployerNumber}).
 *
 * @example
 * isValidOnssEmployerNumber('123456749'); // true
 */
export function isValidOnssEmployerNumber(input: string): boolean {
  return parseOnssEmployerNumber(input).ok;
}

/**
 * Prints an ONSS employer number with a dash before the two check digits: `1234567-49` for a
 * definitive number and, by the same rule, `51234567-73` for a provisional one, so both read as
 * "body, then check digits" and the leading 5 keeps provisional numbers recognisable. Separators in
 * the input are ignored; any other input is returned unchanged, since formatting is for display and
 * must not hide what the user typed.
 *
 * @example
 * formatOnssEmployerNumber('123456749'); // '1234567-49'
 * formatOnssEmployerNumber('5123456773'); // '51234567-73'
 */
export function formatOnssEmployerNumber(number: string): string {
  const digits = normalise(number);
  if (!DEFINITIVE.test(digits) && !PROVISIONAL.test(digits)) return number;
  return `${digits.slice(0, -2)}-${digits.slice(-2)}`;
}
