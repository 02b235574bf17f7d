import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, localTime, localWeekday, zonedInstant } from './local-time.js';

const brussels = 'Europe/Brussels';

describe('Brussels local time', () => {
  it('gives the Belgian day of a late UTC instant', () => {
    expect(localDate(new Date('2026-11-29T23:30:00Z'), brussels)).toBe('2026-11-30');
    expect(localDate(new Date('2026-07-31T22:30:00Z'), brussels)).toBe('2026-08-01');
  });

  it('knows winter (UTC+1) and summer (UTC+2) time', () => {
    expect(zonedInstant('2026-11-30', '06:00', brussels).toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(zonedInstant('2026-07-01', '06:00', brussels).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(localTime(new Date('2026-07-01T04:00:00Z'), brussels)).toBe('06:00');
  });

  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    expect(localTime(new Date('2026-03-29T00:59:00Z'), brussels)).toBe('01:59');
    expect(localTime(new Date('2026-03-29T01:00:00Z'), brussels)).toBe('03:00');
    expect(localTime(new Date('2026-10-25T00:59:00Z'), brussels)).toBe('02:59');
    expect(localTime(new Date('2026-10-25T01:00:00Z'), brussels)).toBe('02:00');
  });

  it('moves a time that does not exist (spring) forward, and takes the first of a doubled one (autumn)', () => {
    expect(zonedInstant('2026-03-29', '02:30', brussels).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', '02:30', brussels).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives ISO weekdays', () => {
    expect(localWeekday(new Date('2026-11-29T12:00:00Z'), brussels)).toBe(7);
    expect(localWeekday(new Date('2026-11-29T23:30:00Z'), brussels)).toBe(1);
  });

  it('round-trips every minute of the year outside the doubled hour (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }), (minute) => {
        const instant = new Date(Date.UTC(2026, 0, 1) + minute * 60_000);
        const back = zonedInstant(localDate(instant, brussels), localTime(instant, brussels), brussels);
        const inDoubledHour =
          instant.getTime() >= Date.UTC(2026, 9, 25, 1) && instant.getTime() < Date.UTC(2026, 9, 25, 2);
        if (!inDoubledHour) expect(back.getTime()).toBe(instant.getTime());
      }),
    );
  });
});
