import type { IdentifierResult } from './result.js';

/**
 * Every reason `parseMobileLogin` can refuse an input.
 *
 * @example
 * mobileLoginErrorCodes[0]; // 'MOBILE_LOGIN_FORMAT'
 */
export const mobileLoginErrorCodes = ['MOBILE_LOGIN_FORMAT'] as const;

/**
 * A code from {@link mobileLoginErrorCodes}.
 *
 * @example
 * const code: MobileLoginErrorCode = 'MOBILE_LOGIN_FORMAT';
 */
export type MobileLoginErrorCode = (typeof mobileLoginErrorCodes)[number];

/**
 * The two halves of an agent-app login: the agent's mobile identifier and the company code, both
 * upper-cased (the login is case-insensitive).
 *
 * @example
 * const login: MobileLogin = { identifier: 'TEST', companyCode: 'INFODATA' };
 */
export interface MobileLogin {
  identifier: string;
  companyCode: string;
}

const IDENTIFIER_MAX_LENGTH = 100;
// The same characters as a company code (see contracts/auth.ts `companyCode`). Checked before
// upper-casing: Unicode case mapping would turn characters such as the dotless `ı` into ASCII.
const COMPANY_CODE = /^[A-Za-z0-9_-]{2,32}$/;
// Control characters never belong in an identifier; they come from pasting.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The example shown to an agent who typed the login in the wrong form, built from the company code
 * of the device (the product's FAQ: "TEST@INFODATA").
 *
 * @example
 * mobileLoginExample('demo'); // 'TEST@DEMO'
 */
export function mobileLoginExample(companyCode: string): string {
  return `TEST@${companyCode.trim().toUpperCase()}`;
}

/**
 * Parses the login of the agent app, `IDENTIFIER@COMPANY`: the agent's mobile identifier, an `@`,
 * then the company code (the product's rule: agent `TEST` of company `INFODATA` signs in as
 * `TEST@INFODATA`). Surrounding blanks are trimmed, both halves are upper-cased; the last `@`
 * separates them because company codes never contain one.
 *
 * @example
 * parseMobileLogin(' test@demo '); // { ok: true, value: { identifier: 'TEST', companyCode: 'DEMO' } }
 * parseMobileLogin('TEST'); // { ok: false, code: 'MOBILE_LOGIN_FORMAT', message: '…' }
 */
export function parseMobileLogin(text: string): IdentifierResult<MobileLogin, MobileLoginErrorCode> {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf('@');
  const identifier = at < 0 ? '' : trimmed.slice(0, at).trim();
  const companyCode = at < 0 ? '' : trimmed.slice(at + 1).trim();
  if (
    identifier.length === 0 ||
    identifier.length > IDENTIFIER_MAX_LENGTH ||
    CONTROL.test(identifier) ||
    !COMPANY_CODE.test(companyCode)
  ) {
    return {
      ok: false,
      code: 'MOBILE_LOGIN_FORMAT',
      message:
        'Type your identifier, then @ and your company code, for example TEST@INFODATA for the agent TEST of the company INFODATA.',
    };
  }
  return {
    ok: true,
    value: { identifier: identifier.toUpperCase(), companyCode: companyCode.toUpperCase() },
  };
}
