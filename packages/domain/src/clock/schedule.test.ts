import { describe, expect, it } from 'vitest';
import { isValidOn, nextDate, plannedPeriodsOn } from './schedule.js';

const brussels = 'Europe/Brussels';

describe('task schedules', () => {
  it('gives the planned periods of a weekday in Brussels time', () => {
    const periods = plannedPeriodsOn(
      [
        { weekday: 1, start: '18:00', end: '21:00' },
        { weekday: 1, start: '06:00', end: '09:00' },
        { weekday: 2, start: '06:00', end: '09:00' },
      ],
      '2026-11-30',
      brussels,
    );
    expect(periods.map((p) => [p.start.toISOString(), p.end.toISOString()])).toEqual([
      ['2026-11-30T05:00:00.000Z', '2026-11-30T08:00:00.000Z'],
      ['2026-11-30T17:00:00.000Z', '2026-11-30T20:00:00.000Z'],
    ]);
  });

  it('ends a night shift on the next day', () => {
    const [night] = plannedPeriodsOn([{ weekday: 6, start: '22:00', end: '06:00' }], '2026-10-24', brussels);
    expect(night!.start.toISOString()).toBe('2026-10-24T20:00:00.000Z');
    // The autumn change makes that night 9 hours long.
    expect(night!.end.toISOString()).toBe('2026-10-25T05:00:00.000Z');
  });

  it('has nothing planned on other days', () => {
    expect(plannedPeriodsOn([{ weekday: 1, start: '06:00', end: '09:00' }], '2026-11-29', brussels)).toEqual(
      [],
    );
  });

  it('knows validity dates and the next day', () => {
    expect(isValidOn({ validFrom: '2026-12-01', validUntil: null }, '2026-11-30')).toBe(false);
    expect(isValidOn({ validFrom: null, validUntil: '2026-11-30' }, '2026-11-30')).toBe(true);
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
  });
});
