import type { IdentifierResult } from './result.js';

/**
 * Every reason `parseWorkDeclarationNumber` can refuse an input.
 *
 * @example
 * workDeclarationNumberErrorCodes[0]; // 'WORK_DECLARATION_NUMBER_FORMAT'
 */
export const workDeclarationNumberErrorCodes = ['WORK_DECLARATION_NUMBER_FORMAT'] as const;

/**
 * A code from {@link workDeclarationNumberErrorCodes}.
 *
 * @example
 * const code: WorkDeclarationNumberErrorCode = 'WORK_DECLARATION_NUMBER_FORMAT';
 */
export type WorkDeclarationNumberErrorCode = (typeof workDeclarationNumberErrorCodes)[number];

// The ONSS prints the technical number in groups or users copy it with stray blanks.
const WHITESPACE = /\s/g;
// Checked before upper-casing: Unicode case mapping would turn characters such as the dotless `ı`
// into ASCII letters and accept them.
const ALPHANUMERIC = /^[A-Za-z0-9]{13}$/;

/**
 * Parses the technical number of an art. 30bis work declaration ("déclaration de travaux" /
 * "werkaangifte"): 13 upper-case letters and digits, e.g. `1Y102M7NZF7PZ`. The ONSS publishes no
 * check rule for it, so only the shape is verified. Whitespace is removed and letters are
 * upper-cased.
 *
 * @example
 * parseWorkDeclarationNumber(' 1y10 2m7n zf7pz '); // { ok: true, value: '1Y102M7NZF7PZ' }
 * parseWorkDeclarationNumber('1Y102M7NZF7P'); // { ok: false, code: 'WORK_DECLARATION_NUMBER_FORMAT', ... }
 */
export function parseWorkDeclarationNumber(
  input: string,
): IdentifierResult<string, WorkDeclarationNumberErrorCode> {
  const compact = input.replace(WHITESPACE, '');
  if (!ALPHANUMERIC.test(compact)) {
    return {
      ok: false,
      code: 'WORK_DECLARATION_NUMBER_FORMAT',
      message:
        'A work declaration number must contain exactly 13 letters (A-Z) and digits, e.g. 1Y102M7NZF7PZ; copy it from the ONSS acknowledgement of the declaration.',
    };
  }
  return { ok: true, value: compact.toUpperCase() };
}

/**
 * Whether `input` is a well-formed work declaration number (see {@link parseWorkDeclarationNumber}).
 *
 * @example
 * isValidWorkDeclarationNumber('1Y102M7NZF7PZ'); // true
 */
export function isValidWorkDeclarationNumber(input: string): boolean {
  return parseWorkDeclarationNumber(input).ok;
}
