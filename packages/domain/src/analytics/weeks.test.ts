import { describe, expect, it } from 'vitest';
import { isoWeekStart, localPeriodInstants, weekStartOfInstant, weekStartsBetween } from './weeks.js';

const zone = 'Europe/Brussels';

describe('weekly buckets', () => {
  it('starts weeks on Monday, a Sunday belonging to the week before', () => {
    expect(isoWeekStart('2026-11-23')).toBe('2026-11-23');
    expect(isoWeekStart('2026-11-29')).toBe('2026-11-23');
    expect(isoWeekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('lists every week a period touches, including partial first and last weeks', () => {
    expect(weekStartsBetween('2026-11-04', '2026-11-16')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(weekStartsBetween('2026-11-23', '2026-11-29')).toEqual(['2026-11-23']);
  });

  it('keeps seven calendar days per week across the spring and autumn changes of clock', () => {
    expect(weekStartsBetween('2026-03-16', '2026-04-05')).toEqual(['2026-03-16', '2026-03-23', '2026-03-30']);
    expect(weekStartsBetween('2026-10-19', '2026-11-08')).toEqual(['2026-10-19', '2026-10-26', '2026-11-02']);
  });

  it('gives a DST week its 167 or 169 hours as instants', () => {
    const spring = localPeriodInstants('2026-03-23', '2026-03-29', zone);
    expect(spring.start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    const autumn = localPeriodInstants('2026-10-19', '2026-10-25', zone);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
  });

  it('buckets an instant by its Brussels date, not its UTC one', () => {
    // Sunday 29 March 2026, 23:30 in Brussels (summer time since 03:00) is 21:30 UTC.
    expect(weekStartOfInstant(new Date('2026-03-29T21:30:00Z'), zone)).toBe('2026-03-23');
    // Monday 30 March 00:30 in Brussels is still Sunday 22:30 UTC.
    expect(weekStartOfInstant(new Date('2026-03-29T22:30:00Z'), zone)).toBe('2026-03-30');
    // Sunday 25 October 2026, 23:30 in Brussels (winter time again) is 22:30 UTC.
    expect(weekStartOfInstant(new Date('2026-10-25T22:30:00Z'), zone)).toBe('2026-10-19');
  });
});
