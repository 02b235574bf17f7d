import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mobileLoginErrorCodes, mobileLoginExample, parseMobileLogin } from './mobile-login.js';

function expectFormatError(input: string): void {
  const result = parseMobileLogin(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe('MOBILE_LOGIN_FORMAT');
    expect(mobileLoginErrorCodes).toContain(result.code);
    expect(result.message).toContain('@');
  }
}

describe('parseMobileLogin', () => {
  it('splits IDENTIFIER@COMPANY, as in the product FAQ (TEST@INFODATA)', () => {
    expect(parseMobileLogin('TEST@INFODATA')).toEqual({
      ok: true,
      value: { identifier: 'TEST', companyCode: 'INFODATA' },
    });
  });

  it('is case-insensitive and trims blanks around the whole text and each half', () => {
    expect(parseMobileLogin('  test@demo\n')).toEqual({
      ok: true,
      value: { identifier: 'TEST', companyCode: 'DEMO' },
    });
    expect(parseMobileLogin('Jean.Dupont @ Demo')).toEqual({
      ok: true,
      value: { identifier: 'JEAN.DUPONT', companyCode: 'DEMO' },
    });
  });

  it('keeps codes with digits, dashes and underscores', () => {
    expect(parseMobileLogin('a-12@clean_up-2')).toEqual({
      ok: true,
      value: { identifier: 'A-12', companyCode: 'CLEAN_UP-2' },
    });
  });

  it('uses the last @: company codes never contain one', () => {
    expect(parseMobileLogin('jean@home@DEMO')).toEqual({
      ok: true,
      value: { identifier: 'JEAN@HOME', companyCode: 'DEMO' },
    });
  });

  it('MOBILE_LOGIN_FORMAT: no @, or an empty half', () => {
    expectFormatError('');
    expectFormatError('   ');
    expectFormatError('TEST');
    expectFormatError('TEST@');
    expectFormatError('@DEMO');
    expectFormatError(' @ ');
  });

  it('MOBILE_LOGIN_FORMAT: a company part that cannot be a company code', () => {
    expectFormatError('test@demo.be');
    expectFormatError('test@de mo');
    expectFormatError('test@D');
    expectFormatError(`test@${'A'.repeat(33)}`);
    // Unicode case mapping would turn the dotless ı into I; it must not sneak through.
    expectFormatError('test@demı');
  });

  it('MOBILE_LOGIN_FORMAT: an identifier with control characters or too long', () => {
    expectFormatError('te\u0000st@DEMO');
    expectFormatError(`${'A'.repeat(101)}@DEMO`);
  });

  it('accepts every IDENTIFIER@COMPANY made of code characters, in any case', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{2,32}$/),
        (identifier, company) => {
          expect(parseMobileLogin(` ${identifier}@${company} `)).toEqual({
            ok: true,
            value: { identifier: identifier.toUpperCase(), companyCode: company.toUpperCase() },
          });
        },
      ),
    );
  });

  it('parsing its own output again gives the same result', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const first = parseMobileLogin(input);
        if (first.ok)
          expect(parseMobileLogin(`${first.value.identifier}@${first.value.companyCode}`)).toEqual(first);
      }),
    );
  });
});

describe('mobileLoginExample', () => {
  it('builds the example from the company code', () => {
    expect(mobileLoginExample('demo')).toBe('TEST@DEMO');
    expect(parseMobileLogin(mobileLoginExample('INFODATA')).ok).toBe(true);
  });
});
