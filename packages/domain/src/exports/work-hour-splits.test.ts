import { describe, expect, it } from 'vitest';
import { splitSessionHours, splitWorkHours } from './work-hour-splits.js';

const zone = 'Europe/Brussels';
const at = (iso: string) => new Date(iso);
const hours = (seconds: number) => seconds / 3600;

describe('splitWorkHours', () => {
  it('counts nothing for a day shift on a weekday', () => {
    const split = splitWorkHours(
      [{ start: at('2026-11-25T07:00:00Z'), end: at('2026-11-25T15:00:00Z') }],
      zone,
    );
    expect(split).toEqual({ nightSeconds: 0, sundaySeconds: 0 });
  });

  it('counts the evening after 22:00 and the morning before 06:00 local time', () => {
    // Wednesday 20:00 → Thursday 07:00 in Brussels (winter, UTC+1): night 22:00–06:00 = 8 h.
    const split = splitWorkHours(
      [{ start: at('2026-11-25T19:00:00Z'), end: at('2026-11-26T06:00:00Z') }],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(8);
    expect(split.sundaySeconds).toBe(0);
  });

  it('counts a shift starting before 06:00 as night up to 06:00', () => {
    // 04:30 → 09:00 local on a Tuesday: 1.5 h of night.
    const split = splitWorkHours(
      [{ start: at('2026-11-24T03:30:00Z'), end: at('2026-11-24T08:00:00Z') }],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(1.5);
  });

  it('splits Saturday night into Sunday at local midnight', () => {
    // Saturday 22:00 → Sunday 02:00 local: 4 h of night, 2 h on Sunday.
    const split = splitWorkHours(
      [{ start: at('2026-11-28T21:00:00Z'), end: at('2026-11-29T01:00:00Z') }],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(4);
    expect(hours(split.sundaySeconds)).toBe(2);
  });

  it('counts Sunday evening to Monday morning as Sunday until local midnight only', () => {
    // Sunday 21:00 → Monday 03:00 local: 3 h Sunday, 5 h night (22–03).
    const split = splitWorkHours(
      [{ start: at('2026-11-29T20:00:00Z'), end: at('2026-11-30T02:00:00Z') }],
      zone,
    );
    expect(hours(split.sundaySeconds)).toBe(3);
    expect(hours(split.nightSeconds)).toBe(5);
  });

  it('gives the night of the autumn change its nine real hours', () => {
    // 24–25 October 2026: clocks go back at 03:00 on Sunday 25th. 22:00 local (20:00Z) → 06:00 local (05:00Z).
    const split = splitWorkHours(
      [{ start: at('2026-10-24T20:00:00Z'), end: at('2026-10-25T05:00:00Z') }],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(9);
    // Sunday from local midnight (22:00Z) to 06:00 local (05:00Z): 7 real hours.
    expect(hours(split.sundaySeconds)).toBe(7);
  });

  it('gives the night of the spring change its seven real hours', () => {
    // 28–29 March 2026: clocks go forward at 02:00 on Sunday 29th. 22:00 local (21:00Z) → 06:00 local (04:00Z).
    const split = splitWorkHours(
      [{ start: at('2026-03-28T21:00:00Z'), end: at('2026-03-29T04:00:00Z') }],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(7);
    expect(hours(split.sundaySeconds)).toBe(5);
  });

  it('counts summer nights in summer time (UTC+2)', () => {
    // 21:00 → 23:30 local on a Friday in July: 1.5 h of night.
    const split = splitWorkHours(
      [{ start: at('2026-07-10T19:00:00Z'), end: at('2026-07-10T21:30:00Z') }],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(1.5);
  });

  it('adds up several intervals (work around a break) and ignores empty ones', () => {
    const split = splitWorkHours(
      [
        { start: at('2026-11-25T20:00:00Z'), end: at('2026-11-25T22:00:00Z') }, // 21–23 local: 1 h
        { start: at('2026-11-25T22:30:00Z'), end: at('2026-11-26T00:30:00Z') }, // 23:30–01:30: 2 h
        { start: at('2026-11-26T00:30:00Z'), end: at('2026-11-26T00:30:00Z') },
      ],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(3);
  });

  it('covers a whole week of continuous work: seven nights of eight hours, one Sunday', () => {
    const split = splitWorkHours(
      [{ start: at('2026-11-22T23:00:00Z'), end: at('2026-11-29T23:00:00Z') }],
      zone,
    );
    expect(hours(split.nightSeconds)).toBe(7 * 8);
    expect(hours(split.sundaySeconds)).toBe(24);
  });
});

describe('splitSessionHours', () => {
  it('reduces the night and Sunday shares in proportion of the breaks', () => {
    // Saturday 22:00 → Sunday 02:00, one hour of break out of four.
    const split = splitSessionHours(at('2026-11-28T21:00:00Z'), at('2026-11-29T01:00:00Z'), 3600, zone);
    expect(hours(split.nightSeconds)).toBe(3);
    expect(hours(split.sundaySeconds)).toBe(1.5);
  });

  it('gives nothing for an empty or inverted span', () => {
    expect(splitSessionHours(at('2026-11-28T21:00:00Z'), at('2026-11-28T21:00:00Z'), 0, zone)).toEqual({
      nightSeconds: 0,
      sundaySeconds: 0,
    });
  });
});
