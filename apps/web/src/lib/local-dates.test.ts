import { describe, expect, it } from 'vitest';
import {
  addDays,
  brusselsDate,
  brusselsInputValue,
  brusselsInstant,
  daysBetween,
  isIsoDate,
  monthBounds,
  weekStart,
} from './local-dates';

describe('local dates', () => {
  it('gives the Brussels date of an instant, not the UTC one', () => {
    expect(brusselsDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(brusselsDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(brusselsDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('moves by days across months, years and daylight-saving changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('lists days and month bounds, leap years included', () => {
    expect(daysBetween('2026-11-29', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(monthBounds('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(monthBounds('2026-12')).toEqual(['2026-12-01', '2026-12-31']);
  });

  it('recognises only real dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-11-30')).toBe(true);
    expect(isIsoDate('30/11/2026')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('Brussels wall-clock times', () => {
  it('turns an instant into the value of a datetime-local input, and back', () => {
    expect(brusselsInputValue(new Date('2026-11-30T06:05:00Z'))).toBe('2026-11-30T07:05');
    expect(brusselsInputValue(new Date('2026-07-01T06:05:00Z'))).toBe('2026-07-01T08:05');
    expect(brusselsInstant('2026-11-30T07:05')?.toISOString()).toBe('2026-11-30T06:05:00.000Z');
    expect(brusselsInstant('2026-07-01T08:05')?.toISOString()).toBe('2026-07-01T06:05:00.000Z');
    expect(brusselsInstant('2026-10-25T04:00')?.toISOString()).toBe('2026-10-25T03:00:00.000Z');
    expect(brusselsInstant('not a time')).toBeUndefined();
  });
});
