import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNiss, isValidNiss, maskNiss, nissErrorCodes, parseNiss } from './niss.js';

const today = { year: 2026, month: 11, day: 29 };

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * Test-only generator: builds a NISS with correct check digits for `year`'s century. `rawMonth` is
 * written as given, so BIS months (+20/+40) and invalid months can be produced too.
 */
function makeNiss(year: number, rawMonth: number, day: number, counter: number): string {
  const body = `${pad(year % 100, 2)}${pad(rawMonth, 2)}${pad(day, 2)}${pad(counter, 3)}`;
  const base = Number(body) + (year >= 2000 ? 2_000_000_000 : 0);
  return `${body}${pad(97 - (base % 97), 2)}`;
}

/** Independent oracle for month lengths, using the platform calendar (day 0 = last day of previous month). */
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function expectCode(input: string, code: string): void {
  const result = parseNiss(input, today);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    expect(result.message.length).toBeGreaterThan(20);
  }
}

function parsedValue(input: string) {
  const result = parseNiss(input, today);
  if (!result.ok) throw new Error(`expected ${input} to be valid, got ${result.code}`);
  return result.value;
}

describe('makeNiss (test generator)', () => {
  it('reproduces hand-computed check digits', () => {
    expect(makeNiss(1985, 7, 30, 33)).toBe('85073003328');
    expect(makeNiss(2005, 3, 15, 123)).toBe('05031512367');
  });
});

describe('parseNiss: valid numbers', () => {
  it('parses a national register number of a man born in the 1900s', () => {
    expect(parseNiss('85073003328', today)).toEqual({
      ok: true,
      value: {
        niss: '85073003328',
        kind: 'register',
        birthDate: { year: 1985, month: 7, day: 30 },
        sex: 'male',
      },
    });
  });

  it('parses a woman (even counter)', () => {
    expect(parsedValue('85073003427')).toMatchObject({ sex: 'female', kind: 'register' });
  });

  it('parses a person born in 2000 or later (check digits on 2 + first nine digits)', () => {
    expect(parsedValue('05031512367')).toEqual({
      niss: '05031512367',
      kind: 'register',
      birthDate: { year: 2005, month: 3, day: 15 },
      sex: 'male',
    });
  });

  it('accepts spaces, dots and dashes, and the printed form', () => {
    for (const input of ['85.07.30-033.28', '850730 033 28', ' 85-07-30-033-28 ', '85 07 30.033-28']) {
      expect(parsedValue(input).niss).toBe('85073003328');
    }
  });

  it('parses a BIS number with month + 20 (sex unknown)', () => {
    expect(parsedValue('85273003371')).toEqual({
      niss: '85273003371',
      kind: 'bis',
      birthDate: { year: 1985, month: 7, day: 30 },
      sex: null,
    });
  });

  it('parses a BIS number with month + 40 (sex known)', () => {
    expect(parsedValue('85473003416')).toEqual({
      niss: '85473003416',
      kind: 'bis',
      birthDate: { year: 1985, month: 7, day: 30 },
      sex: 'female',
    });
    expect(parsedValue(makeNiss(1990, 41, 2, 35))).toMatchObject({ kind: 'bis', sex: 'male' });
  });

  it('parses a BIS number born in the 2000s', () => {
    expect(parsedValue(makeNiss(2003, 45, 12, 201))).toEqual({
      niss: makeNiss(2003, 45, 12, 201),
      kind: 'bis',
      birthDate: { year: 2003, month: 5, day: 12 },
      sex: 'male',
    });
  });

  it('accepts an unknown month and day (00.00)', () => {
    expect(parsedValue('50000012354')).toMatchObject({
      kind: 'register',
      birthDate: { year: 1950, month: null, day: null },
    });
    expect(parsedValue(makeNiss(1970, 20, 0, 7))).toMatchObject({
      kind: 'bis',
      birthDate: { year: 1970, month: null, day: null },
      sex: null,
    });
    expect(parsedValue(makeNiss(1970, 40, 0, 8))).toMatchObject({
      kind: 'bis',
      birthDate: { year: 1970, month: null, day: null },
      sex: 'female',
    });
  });

  it('accepts an unknown day with a known month', () => {
    expect(parsedValue('85070003355').birthDate).toEqual({ year: 1985, month: 7, day: null });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parsedValue('88022904574').birthDate).toEqual({ year: 1988, month: 2, day: 29 });
    // 2000 is a leap year (divisible by 400)...
    expect(parsedValue('00022904501').birthDate).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('accepts the last day of each month', () => {
    for (let month = 1; month <= 12; month += 1) {
      const day = daysInMonth(1999, month);
      expect(parsedValue(makeNiss(1999, month, day, 101)).birthDate).toEqual({ year: 1999, month, day });
    }
  });

  it('accepts a birth date equal to today and the 1900 reading of a two-digit year after today', () => {
    expect(parsedValue('26112900172').birthDate).toEqual({ year: 2026, month: 11, day: 29 });
    expect(parsedValue(makeNiss(1927, 1, 1, 1)).birthDate).toEqual({ year: 1927, month: 1, day: 1 });
    expect(parsedValue(makeNiss(2026, 11, 0, 1)).birthDate).toEqual({ year: 2026, month: 11, day: null });
    expect(parsedValue(makeNiss(2026, 0, 0, 1)).birthDate).toEqual({ year: 2026, month: null, day: null });
  });

  it('accepts counters 000 and 999 on BIS numbers', () => {
    expect(parsedValue('85273099975').kind).toBe('bis');
    expect(parsedValue(makeNiss(1985, 47, 30, 0)).kind).toBe('bis');
  });

  it('isValidNiss mirrors parseNiss', () => {
    expect(isValidNiss('85.07.30-033.28', today)).toBe(true);
    expect(isValidNiss('85.07.30-033.29', today)).toBe(false);
  });
});

describe('parseNiss: rejections', () => {
  it('NISS_FORMAT: wrong length', () => {
    expectCode('', 'NISS_FORMAT');
    expectCode('8507300332', 'NISS_FORMAT');
    expectCode('850730033280', 'NISS_FORMAT');
  });

  it('NISS_FORMAT: characters other than digits and separators', () => {
    expectCode('85O73003328', 'NISS_FORMAT');
    expectCode('85/07/30 033 28', 'NISS_FORMAT');
    expectCode('８５０７３００３３２８', 'NISS_FORMAT');
  });

  it('NISS_CHECK_DIGITS: check digits match neither century', () => {
    expectCode('85073003329', 'NISS_CHECK_DIGITS');
    expectCode('85.07.30-034.28', 'NISS_CHECK_DIGITS');
  });

  it('NISS_MONTH: month above 12 (also after removing the BIS offset)', () => {
    expectCode(makeNiss(1985, 13, 1, 33), 'NISS_MONTH');
    expectCode('85133003370', 'NISS_MONTH');
    expectCode('85333003316', 'NISS_MONTH');
    expectCode(makeNiss(1985, 59, 1, 33), 'NISS_MONTH');
  });

  it('NISS_MONTH: raw month above 52 even when month mod 20 looks valid', () => {
    expectCode('85613003318', 'NISS_MONTH');
    expectCode(makeNiss(1985, 60, 0, 33), 'NISS_MONTH');
    expectCode(makeNiss(1985, 72, 1, 33), 'NISS_MONTH');
  });

  it('NISS_DAY: day beyond the length of the month', () => {
    expectCode('85043103374', 'NISS_DAY');
    expectCode('85073203365', 'NISS_DAY');
    expectCode(makeNiss(1985, 47, 32, 33), 'NISS_DAY');
  });

  it('NISS_DAY: 29 February in a non-leap year', () => {
    expectCode('87022904553', 'NISS_DAY');
    // ...but 1900 is not (divisible by 100, not by 400): same digits, 1900 check digits.
    expectCode('00022904569', 'NISS_DAY');
    expectCode(makeNiss(2001, 2, 29, 45), 'NISS_DAY');
  });

  it('NISS_DAY: a known day with an unknown month', () => {
    expectCode('85001512348', 'NISS_DAY');
    expectCode(makeNiss(1985, 20, 15, 33), 'NISS_DAY');
  });

  it('NISS_COUNTER: counter 000 or 999 on a national register number', () => {
    expectCode('85073000061', 'NISS_COUNTER');
    expectCode('85073099932', 'NISS_COUNTER');
    expectCode(makeNiss(2010, 0, 0, 999), 'NISS_COUNTER');
  });

  it('NISS_BIRTH_DATE_FUTURE: 2000s reading lands after today', () => {
    expectCode('26120100146', 'NISS_BIRTH_DATE_FUTURE');
    expectCode(makeNiss(2026, 11, 30, 1), 'NISS_BIRTH_DATE_FUTURE');
    expectCode('27010100187', 'NISS_BIRTH_DATE_FUTURE');
    expectCode(makeNiss(2026, 12, 0, 1), 'NISS_BIRTH_DATE_FUTURE');
    expectCode('27000000113', 'NISS_BIRTH_DATE_FUTURE');
    expectCode(makeNiss(2030, 45, 1, 2), 'NISS_BIRTH_DATE_FUTURE');
  });

  it('depends on the given today, not the machine clock', () => {
    const niss = makeNiss(2026, 12, 1, 1);
    expect(isValidNiss(niss, { year: 2026, month: 11, day: 30 })).toBe(false);
    expect(isValidNiss(niss, { year: 2026, month: 12, day: 1 })).toBe(true);
  });
});

describe('formatNiss and maskNiss', () => {
  it('formats as YY.MM.DD-SSS.CC', () => {
    expect(formatNiss('85073003328')).toBe('85.07.30-033.28');
    expect(formatNiss('85 07 30 033 28')).toBe('85.07.30-033.28');
    expect(formatNiss('85.07.30-033.28')).toBe('85.07.30-033.28');
  });

  it('returns input that is not 11 digits unchanged', () => {
    expect(formatNiss('1234')).toBe('1234');
    expect(formatNiss('')).toBe('');
  });

  it('masks everything but the birth year and month', () => {
    expect(maskNiss('85073003328')).toBe('85.07.**-***.**');
    expect(maskNiss('85.27.30-033.71')).toBe('85.27.**-***.**');
  });

  it('fully masks input that is not 11 digits', () => {
    expect(maskNiss('1234')).toBe('**.**.**-***.**');
    expect(maskNiss('')).toBe('**.**.**-***.**');
  });
});

type Kind = 'register' | 'bis20' | 'bis40';

/** Valid NISS numbers born no later than 2025, with the facts they should parse to. */
const validNiss = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 0, max: 12 }),
    dayPick: fc.integer({ min: 0, max: 31 }),
    kind: fc.constantFrom<Kind>('register', 'bis20', 'bis40'),
    registerCounter: fc.integer({ min: 1, max: 998 }),
    bisCounter: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ year, month, dayPick, kind, registerCounter, bisCounter }) => {
    const day = month === 0 ? 0 : dayPick % (daysInMonth(year, month) + 1);
    const counter = kind === 'register' ? registerCounter : bisCounter;
    const offset = kind === 'bis20' ? 20 : kind === 'bis40' ? 40 : 0;
    return {
      niss: makeNiss(year, month + offset, day, counter),
      expected: {
        kind: kind === 'register' ? 'register' : 'bis',
        birthDate: { year, month: month === 0 ? null : month, day: day === 0 ? null : day },
        sex: kind === 'bis20' ? null : counter % 2 === 1 ? 'male' : 'female',
      },
    };
  });

describe('parseNiss: properties', () => {
  it('parses every generated valid number to the facts it encodes', () => {
    fc.assert(
      fc.property(validNiss, ({ niss, expected }) => {
        expect(parseNiss(niss, today)).toEqual({ ok: true, value: { niss, ...expected } });
      }),
    );
  });

  it('formatting then parsing returns the same digits', () => {
    fc.assert(
      fc.property(validNiss, ({ niss }) => {
        const formatted = formatNiss(niss);
        expect(formatted).toMatch(/^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/);
        expect(parsedValue(formatted).niss).toBe(niss);
        expect(formatNiss(formatted)).toBe(formatted);
      }),
    );
  });

  it('masking keeps only the first four digits', () => {
    fc.assert(
      fc.property(validNiss, ({ niss }) => {
        expect(maskNiss(niss)).toBe(`${niss.slice(0, 2)}.${niss.slice(2, 4)}.**-***.**`);
      }),
    );
  });

  it('changing one digit makes the number invalid or flips its century', () => {
    fc.assert(
      fc.property(
        validNiss,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ niss, expected }, index, delta) => {
          const digit = (Number(niss[index]) + delta) % 10;
          const changed = `${niss.slice(0, index)}${digit}${niss.slice(index + 1)}`;
          const result = parseNiss(changed, today);
          // Within one century the mod-97 check catches any single-digit change, so a changed
          // number can only stay valid by matching the other century's check digits.
          if (result.ok) expect(result.value.birthDate.year).not.toBe(expected.birthDate.year);
        },
      ),
    );
  });

  it('never throws and only returns documented codes on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^[0-9 .-]{0,16}$/),
          fc.stringMatching(/^[0-9]{11}$/),
        ),
        (input) => {
          const result = parseNiss(input, today);
          if (result.ok) {
            expect(result.value.niss).toMatch(/^[0-9]{11}$/);
          } else {
            expect(nissErrorCodes).toContain(result.code);
          }
        },
      ),
    );
  });

  it('every accepted 11-digit string satisfies the mod-97 check in one century', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), (input) => {
        const result = parseNiss(input, today);
        if (!result.ok) return;
        const firstNine = Number(input.slice(0, 9));
        const check = Number(input.slice(9));
        const base = result.value.birthDate.year >= 2000 ? 2_000_000_000 + firstNine : firstNine;
        expect(97 - (base % 97)).toBe(check);
      }),
    );
  });
});
