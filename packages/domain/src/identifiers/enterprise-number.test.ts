import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enterpriseNumberErrorCodes,
  formatEnterpriseNumber,
  isValidEnterpriseNumber,
  parseEnterpriseNumber,
} from './enterprise-number.js';

/** Test-only generator: appends the check digits to eight digits. */
const makeEnterpriseNumber = (firstEight: string): string =>
  `${firstEight}${String(97 - (Number(firstEight) % 97)).padStart(2, '0')}`;

function expectCode(input: string, code: string): void {
  const result = parseEnterpriseNumber(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    expect(result.message.length).toBeGreaterThan(20);
  }
}

describe('parseEnterpriseNumber: valid numbers', () => {
  it('parses 10 bare digits', () => {
    expect(parseEnterpriseNumber('0203201340')).toEqual({ ok: true, value: '0203201340' });
    expect(parseEnterpriseNumber('0403170701')).toEqual({ ok: true, value: '0403170701' });
  });

  it('parses numbers starting with 1 (issued since late 2022)', () => {
    expect(parseEnterpriseNumber('1000.100.088')).toEqual({ ok: true, value: '1000100088' });
    expect(parseEnterpriseNumber('1234567894')).toEqual({ ok: true, value: '1234567894' });
  });

  it('accepts the BE prefix in any case, spaces and dots', () => {
    for (const input of [
      'BE0203201340',
      'be 0203.201.340',
      'Be0203 201 340',
      ' BE 0203.201.340 ',
      'bE.0203201340',
    ]) {
      expect(parseEnterpriseNumber(input)).toEqual({ ok: true, value: '0203201340' });
    }
  });

  it('accepts the old 9-digit form by prefixing 0', () => {
    expect(parseEnterpriseNumber('203201340')).toEqual({ ok: true, value: '0203201340' });
    expect(parseEnterpriseNumber('BE 203.201.340')).toEqual({ ok: true, value: '0203201340' });
  });

  it('uses 97, not 00, as check digits when the first eight digits are a multiple of 97', () => {
    expect(parseEnterpriseNumber('0000000097')).toEqual({ ok: true, value: '0000000097' });
    expectCode('0000000000', 'ENTERPRISE_NUMBER_CHECK_DIGITS');
  });

  it('isValidEnterpriseNumber mirrors parseEnterpriseNumber', () => {
    expect(isValidEnterpriseNumber('BE0203201340')).toBe(true);
    expect(isValidEnterpriseNumber('BE0203201341')).toBe(false);
  });
});

describe('parseEnterpriseNumber: rejections', () => {
  it('ENTERPRISE_NUMBER_FORMAT: wrong length', () => {
    expectCode('', 'ENTERPRISE_NUMBER_FORMAT');
    expectCode('BE', 'ENTERPRISE_NUMBER_FORMAT');
    expectCode('20320134', 'ENTERPRISE_NUMBER_FORMAT');
    expectCode('02032013400', 'ENTERPRISE_NUMBER_FORMAT');
  });

  it('ENTERPRISE_NUMBER_FORMAT: other characters or prefixes', () => {
    expectCode('0203-201-340', 'ENTERPRISE_NUMBER_FORMAT');
    expectCode('FR0203201340', 'ENTERPRISE_NUMBER_FORMAT');
    expectCode('0203201340BE', 'ENTERPRISE_NUMBER_FORMAT');
    expectCode('02O3201340', 'ENTERPRISE_NUMBER_FORMAT');
  });

  it('ENTERPRISE_NUMBER_FIRST_DIGIT: starts with 2 to 9', () => {
    expectCode(makeEnterpriseNumber('20320134'), 'ENTERPRISE_NUMBER_FIRST_DIGIT');
    expectCode('9999999999', 'ENTERPRISE_NUMBER_FIRST_DIGIT');
  });

  it('ENTERPRISE_NUMBER_CHECK_DIGITS: check digits do not match', () => {
    expectCode('0203201341', 'ENTERPRISE_NUMBER_CHECK_DIGITS');
    expectCode('BE 0203.201.430', 'ENTERPRISE_NUMBER_CHECK_DIGITS');
  });
});

describe('formatEnterpriseNumber', () => {
  it('formats as dddd.ddd.ddd', () => {
    expect(formatEnterpriseNumber('0203201340')).toBe('0203.201.340');
    expect(formatEnterpriseNumber('BE0203201340')).toBe('0203.201.340');
    expect(formatEnterpriseNumber('203201340')).toBe('0203.201.340');
  });

  it('returns other input unchanged', () => {
    expect(formatEnterpriseNumber('12')).toBe('12');
    expect(formatEnterpriseNumber('')).toBe('');
  });
});

const validEnterpriseNumber = fc
  .tuple(fc.constantFrom('0', '1'), fc.stringMatching(/^[0-9]{7}$/))
  .map(([first, rest]) => makeEnterpriseNumber(`${first}${rest}`));

describe('parseEnterpriseNumber: properties', () => {
  it('accepts every generated number, and it satisfies (first eight + last two) mod 97 = 0', () => {
    fc.assert(
      fc.property(validEnterpriseNumber, (digits) => {
        expect(parseEnterpriseNumber(digits)).toEqual({ ok: true, value: digits });
        expect((Number(digits.slice(0, 8)) + Number(digits.slice(8))) % 97).toBe(0);
      }),
    );
  });

  it('formatting then parsing returns the same digits, with or without BE', () => {
    fc.assert(
      fc.property(validEnterpriseNumber, fc.constantFrom('', 'BE', 'be ', 'BE '), (digits, prefix) => {
        const formatted = formatEnterpriseNumber(digits);
        expect(formatted).toMatch(/^[01]\d{3}\.\d{3}\.\d{3}$/);
        expect(parseEnterpriseNumber(`${prefix}${formatted}`)).toEqual({ ok: true, value: digits });
      }),
    );
  });

  it('accepts the 9-digit form of every number starting with 0', () => {
    fc.assert(
      fc.property(validEnterpriseNumber, (digits) => {
        fc.pre(digits.startsWith('0'));
        expect(parseEnterpriseNumber(digits.slice(1))).toEqual({ ok: true, value: digits });
      }),
    );
  });

  it('rejects every single-digit change', () => {
    fc.assert(
      fc.property(
        validEnterpriseNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, index, delta) => {
          const digit = (Number(digits[index]) + delta) % 10;
          const changed = `${digits.slice(0, index)}${digit}${digits.slice(index + 1)}`;
          expect(isValidEnterpriseNumber(changed)).toBe(false);
        },
      ),
    );
  });

  it('never throws and only returns documented codes on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^(BE|be)?[0-9 .]{0,14}$/)),
        (input) => {
          const result = parseEnterpriseNumber(input);
          if (result.ok) expect(result.value).toMatch(/^[01][0-9]{9}$/);
          else expect(enterpriseNumberErrorCodes).toContain(result.code);
        },
      ),
    );
  });
});
