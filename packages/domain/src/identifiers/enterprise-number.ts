import type { IdentifierResult } from './result.js';

/**
 * Every reason `parseEnterpriseNumber` can refuse an input, in the order the checks run.
 *
 * @example
 * enterpriseNumberErrorCodes.includes('ENTERPRISE_NUMBER_CHECK_DIGITS'); // true
 */
export const enterpriseNumberErrorCodes = [
  'ENTERPRISE_NUMBER_FORMAT',
  'ENTERPRISE_NUMBER_FIRST_DIGIT',
  'ENTERPRISE_NUMBER_CHECK_DIGITS',
] as const;

/**
 * A code from {@link enterpriseNumberErrorCodes}.
 *
 * @example
 * const code: EnterpriseNumberErrorCode = 'ENTERPRISE_NUMBER_FORMAT';
 */
export type EnterpriseNumberErrorCode = (typeof enterpriseNumberErrorCodes)[number];

// The VAT number of a Belgian company is `BE` + its enterprise number, and the KBO/BCE prints it
// with dots (`0203.201.340`), so users paste any of these forms.
const COUNTRY_PREFIX = /^be/i;
const SEPARATORS = /[\s.]/g;
const DIGITS = /^[0-9]+$/;

function normalise(input: string): string {
  return input.trim().replace(COUNTRY_PREFIX, '').replace(SEPARATORS, '');
}

function refuse(
  code: EnterpriseNumberErrorCode,
  message: string,
): IdentifierResult<string, EnterpriseNumberErrorCode> {
  return { ok: false, code, message };
}

/**
 * Parses a Belgian enterprise number (KBO/BCE number, also the VAT number without `BE`) and returns
 * its 10 bare digits. Accepts a `BE` prefix in any case, spaces and dots, and the old 9-digit form.
 *
 * @example
 * parseEnterpriseNumber('BE 0203.201.340'); // { ok: true, value: '0203201340' }
 * parseEnterpriseNumber('203201340'); // { ok: true, value: '0203201340' }
 * parseEnterpriseNumber('0203.201.341'); // { ok: false, code: 'ENTERPRISE_NUMBER_CHECK_DIGITS', ... }
 */
export function parseEnterpriseNumber(input: string): IdentifierResult<string, EnterpriseNumberErrorCode> {
  const bare = normalise(input);
  if (!DIGITS.test(bare) || (bare.length !== 9 && bare.length !== 10)) {
    return refuse(
      'ENTERPRISE_NUMBER_FORMAT',
      'An enterprise number must contain 10 digits (e.g. 0203.201.340), optionally preceded by BE; only spaces and dots may separate them.',
    );
  }
  // Numbers issued before the 10-digit form were 9 digits long; they became 10 by prefixing 0.
  const digits = bare.length === 9 ? `0${bare}` : bare;

  // Only 0 was used until late 2022, when the KBO/BCE started issuing numbers beginning with 1.
  if (digits[0] !== '0' && digits[0] !== '1') {
    return refuse(
      'ENTERPRISE_NUMBER_FIRST_DIGIT',
      'An enterprise number starts with 0 or 1; check the number in the Crossroads Bank for Enterprises (KBO/BCE).',
    );
  }

  // The last two digits are 97 minus the first eight modulo 97 (so 97, never 00, for a multiple).
  const firstEight = Number(digits.slice(0, 8));
  if (97 - (firstEight % 97) !== Number(digits.slice(8, 10))) {
    return refuse(
      'ENTERPRISE_NUMBER_CHECK_DIGITS',
      'The enterprise number check digits (last two digits) do not match the first eight digits; a digit was probably mistyped.',
    );
  }

  return { ok: true, value: digits };
}

/**
 * Whether `input` is a valid Belgian enterprise number (see {@link parseEnterpriseNumber}).
 *
 * @example
 * isValidEnterpriseNumber('BE0203201340'); // true
 */
export function isValidEnterpriseNumber(input: string): boolean {
  return parseEnterpriseNumber(input).ok;
}

/**
 * Prints an enterprise number the way the KBO/BCE does: `dddd.ddd.ddd`. A `BE` prefix, separators
 * and the old 9-digit form are accepted; any other input is returned unchanged, since formatting is
 * for display and must not hide what the user typed.
 *
 * @example
 * formatEnterpriseNumber('0203201340'); // '0203.201.340'
 */
export function formatEnterpriseNumber(digits: string): string {
  const bare = normalise(digits);
  if (!DIGITS.test(bare) || (bare.length !== 9 && bare.length !== 10)) return digits;
  const ten = bare.length === 9 ? `0${bare}` : bare;
  return `${ten.slice(0, 4)}.${ten.slice(4, 7)}.${ten.slice(7, 10)}`;
}
