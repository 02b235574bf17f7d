import { describe, expect, it } from 'vitest';
import { brusselsDate, dayEnd, dayStart, isCalendarDate } from './brussels-day';

describe('Brussels days', () => {
  it('starts a winter day at 23:00 UTC the day before and a summer day at 22:00', () => {
    expect(dayStart('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(dayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('handles the daylight-saving days: 23 hours in March, 25 in October', () => {
    expect(dayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayEnd('2026-03-29')).toBe('2026-03-29T21:59:59.999Z');
    expect(dayStart('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(dayEnd('2026-10-25')).toBe('2026-10-25T22:59:59.999Z');
  });

  it('gives the Brussels date of an instant, across midnight', () => {
    expect(brusselsDate('2026-01-14T23:30:00Z')).toBe('2026-01-15');
    expect(brusselsDate('2026-01-14T22:30:00Z')).toBe('2026-01-14');
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('28/02/2026')).toBe(false);
  });
});
