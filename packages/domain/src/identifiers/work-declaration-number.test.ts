import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidWorkDeclarationNumber,
  parseWorkDeclarationNumber,
  workDeclarationNumberErrorCodes,
} from './work-declaration-number.js';

function expectFormatError(input: string): void {
  const result = parseWorkDeclarationNumber(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe('WORK_DECLARATION_NUMBER_FORMAT');
    expect(result.message.length).toBeGreaterThan(20);
  }
}

describe('parseWorkDeclarationNumber', () => {
  it('parses a 13-character technical number', () => {
    expect(parseWorkDeclarationNumber('1Y102M7NZF7PZ')).toEqual({ ok: true, value: '1Y102M7NZF7PZ' });
    expect(parseWorkDeclarationNumber('0000000000000')).toEqual({ ok: true, value: '0000000000000' });
  });

  it('trims, removes spaces and upper-cases', () => {
    expect(parseWorkDeclarationNumber('  1y102m7nzf7pz\n')).toEqual({ ok: true, value: '1Y102M7NZF7PZ' });
    expect(parseWorkDeclarationNumber('1Y10 2M7N ZF7PZ')).toEqual({ ok: true, value: '1Y102M7NZF7PZ' });
  });

  it('WORK_DECLARATION_NUMBER_FORMAT: wrong length', () => {
    expectFormatError('');
    expectFormatError('1Y102M7NZF7P');
    expectFormatError('1Y102M7NZF7PZZ');
  });

  it('WORK_DECLARATION_NUMBER_FORMAT: characters other than letters and digits', () => {
    expectFormatError('1Y102-M7NZF7P');
    expectFormatError('1Y102M7NZF7P.');
    expectFormatError('1Y102M7NZF7PÉ');
    // Unicode case mapping would turn the dotless ı into I; it must not sneak through.
    expectFormatError('1Y102M7NZF7Pı');
  });

  it('isValidWorkDeclarationNumber mirrors parseWorkDeclarationNumber', () => {
    expect(isValidWorkDeclarationNumber('1y102m7nzf7pz')).toBe(true);
    expect(isValidWorkDeclarationNumber('1Y102M7NZF7P')).toBe(false);
  });

  it('accepts every 13-character alphanumeric string and returns it upper-cased', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{13}$/), (input) => {
        expect(parseWorkDeclarationNumber(` ${input} `)).toEqual({ ok: true, value: input.toUpperCase() });
      }),
    );
  });

  it('parsing is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ]{10,20}$/), (input) => {
        const first = parseWorkDeclarationNumber(input);
        if (first.ok) expect(parseWorkDeclarationNumber(first.value)).toEqual(first);
      }),
    );
  });

  it('never throws and only returns documented codes on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const result = parseWorkDeclarationNumber(input);
        if (result.ok) expect(result.value).toMatch(/^[A-Z0-9]{13}$/);
        else expect(workDeclarationNumberErrorCodes).toContain(result.code);
      }),
    );
  });
});
