import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOnssEmployerNumber,
  isValidOnssEmployerNumber,
  onssEmployerNumberErrorCodes,
  parseOnssEmployerNumber,
} from './onss-employer-number.js';

/** Test-only generator: the smallest two check digits that make the whole number ≡ 96 (mod 97). */
function makeEmployerNumber(body: string): string {
  const check = (96 - ((Number(body) * 100) % 97) + 97) % 97;
  return `${body}${String(check).padStart(2, '0')}`;
}

function expectCode(input: string, code: string): void {
  const result = parseOnssEmployerNumber(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    expect(result.message.length).toBeGreaterThan(20);
  }
}

describe('parseOnssEmployerNumber: valid numbers', () => {
  it('parses a definitive 9-digit number', () => {
    expect(makeEmployerNumber('1234567')).toBe('123456749');
    expect(parseOnssEmployerNumber('123456749')).toEqual({
      ok: true,
      value: { number: '123456749', provisional: false },
    });
    expect(parseOnssEmployerNumber('012345674')).toEqual({
      ok: true,
      value: { number: '012345674', provisional: false },
    });
  });

  it('parses a provisional 10-digit number starting with 5', () => {
    expect(parseOnssEmployerNumber('5123456773')).toEqual({
      ok: true,
      value: { number: '5123456773', provisional: true },
    });
  });

  it('accepts spaces, dots, dashes and slashes', () => {
    for (const input of ['1234567-49', '123 4567 49', '123.4567.49', '123/4567/49', ' 1234567 - 49 ']) {
      expect(parseOnssEmployerNumber(input)).toEqual({
        ok: true,
        value: { number: '123456749', provisional: false },
      });
    }
    expect(parseOnssEmployerNumber('51234567-73')).toEqual({
      ok: true,
      value: { number: '5123456773', provisional: true },
    });
  });

  it('isValidOnssEmployerNumber mirrors parseOnssEmployerNumber', () => {
    expect(isValidOnssEmployerNumber('1234567-49')).toBe(true);
    expect(isValidOnssEmployerNumber('1234567-48')).toBe(false);
  });
});

describe('parseOnssEmployerNumber: rejections', () => {
  it('EMPLOYER_NUMBER_FORMAT: wrong length', () => {
    expectCode('', 'EMPLOYER_NUMBER_FORMAT');
    expectCode('12345674', 'EMPLOYER_NUMBER_FORMAT');
    expectCode('51234567730', 'EMPLOYER_NUMBER_FORMAT');
  });

  it('EMPLOYER_NUMBER_FORMAT: 10 digits not starting with 5', () => {
    expectCode(makeEmployerNumber('41234567'), 'EMPLOYER_NUMBER_FORMAT');
    expectCode('0123456749', 'EMPLOYER_NUMBER_FORMAT');
  });

  it('EMPLOYER_NUMBER_FORMAT: other characters', () => {
    expectCode('1234567_49', 'EMPLOYER_NUMBER_FORMAT');
    expectCode('RSZ 1234567-49', 'EMPLOYER_NUMBER_FORMAT');
  });

  it('EMPLOYER_NUMBER_CHECK_DIGITS: whole number modulo 97 is not 96', () => {
    expectCode('1234567-48', 'EMPLOYER_NUMBER_CHECK_DIGITS');
    expectCode('51234567-74', 'EMPLOYER_NUMBER_CHECK_DIGITS');
  });
});

describe('formatOnssEmployerNumber', () => {
  it('puts a dash before the check digits', () => {
    expect(formatOnssEmployerNumber('123456749')).toBe('1234567-49');
    expect(formatOnssEmployerNumber('5123456773')).toBe('51234567-73');
    expect(formatOnssEmployerNumber('123/4567/49')).toBe('1234567-49');
  });

  it('returns other input unchanged', () => {
    expect(formatOnssEmployerNumber('12')).toBe('12');
    expect(formatOnssEmployerNumber('0123456749')).toBe('0123456749');
  });
});

const validEmployerNumber = fc.oneof(
  fc.stringMatching(/^[0-9]{7}$/).map((body) => ({ number: makeEmployerNumber(body), provisional: false })),
  fc.stringMatching(/^5[0-9]{7}$/).map((body) => ({ number: makeEmployerNumber(body), provisional: true })),
);

describe('parseOnssEmployerNumber: properties', () => {
  it('accepts every generated number, whose value modulo 97 is 96', () => {
    fc.assert(
      fc.property(validEmployerNumber, (expected) => {
        expect(Number(expected.number) % 97).toBe(96);
        expect(parseOnssEmployerNumber(expected.number)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('formatting then parsing returns the same digits', () => {
    fc.assert(
      fc.property(validEmployerNumber, (expected) => {
        const formatted = formatOnssEmployerNumber(expected.number);
        expect(formatted).toMatch(/^\d{7,8}-\d{2}$/);
        expect(parseOnssEmployerNumber(formatted)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('rejects every single-digit change', () => {
    fc.assert(
      fc.property(
        validEmployerNumber,
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        ({ number }, position, delta) => {
          const index = position % number.length;
          const digit = (Number(number[index]) + delta) % 10;
          const changed = `${number.slice(0, index)}${digit}${number.slice(index + 1)}`;
          expect(isValidOnssEmployerNumber(changed)).toBe(false);
        },
      ),
    );
  });

  it('never throws and only returns documented codes on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[0-9 ./-]{0,14}$/)),
        (input) => {
          const result = parseOnssEmployerNumber(input);
          if (result.ok) expect(result.value.number).toMatch(/^([0-9]{9}|5[0-9]{9})$/);
          else expect(onssEmployerNumberErrorCodes).toContain(result.code);
        },
      ),
    );
  });
});
