import { describe, expect, it } from 'vitest';
import {
  daysBefore,
  defaultRetentionPolicy,
  monthsBefore,
  nextRunAt,
  retentionCutoffs,
} from './retention-cutoffs.js';

describe('monthsBefore', () => {
  it('keeps the day of the month when it exists', () => {
    expect(monthsBefore('2026-11-29', 13)).toBe('2025-10-29');
    expect(monthsBefore('2026-11-29', 84)).toBe('2019-11-29');
  });

  it('clamps to the last day of a shorter month, leap years included', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-05-31', 13)).toBe('2025-04-30');
  });

  it('crosses year boundaries both ways', () => {
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
    expect(monthsBefore('2026-01-15', 25)).toBe('2023-12-15');
    expect(monthsBefore('2026-01-15', 0)).toBe('2026-01-15');
  });
});

describe('daysBefore', () => {
  it('counts calendar days across months and years', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-01-10', 30)).toBe('2025-12-11');
    expect(daysBefore('2026-12-31', -1)).toBe('2027-01-01');
  });
});

describe('retentionCutoffs', () => {
  it('cuts at Brussels midnight, winter time (UTC+1)', () => {
    const cutoffs = retentionCutoffs(new Date('2026-11-29T02:30:00Z'), defaultRetentionPolicy);
    expect(cutoffs.positions).toEqual({ date: '2025-10-29', instant: new Date('2025-10-28T23:00:00Z') });
    expect(cutoffs.registrations).toEqual({ date: '2019-11-29', instant: new Date('2019-11-28T23:00:00Z') });
    expect(cutoffs.audit.date).toBe('2016-11-29');
    expect(cutoffs.deliveries.date).toBe('2026-10-30');
    expect(cutoffs.notifications.date).toBe('2026-08-31');
  });

  it('cuts at Brussels midnight, summer time (UTC+2)', () => {
    const cutoffs = retentionCutoffs(new Date('2026-08-15T01:30:00Z'), defaultRetentionPolicy);
    expect(cutoffs.positions).toEqual({ date: '2025-07-15', instant: new Date('2025-07-14T22:00:00Z') });
  });

  it('counts from the Brussels date, not the UTC one, just after local midnight', () => {
    // 23:30 UTC on 31 March is already 1 April in Brussels (UTC+2).
    const cutoffs = retentionCutoffs(new Date('2026-03-31T23:30:00Z'), {
      ...defaultRetentionPolicy,
      positionMonths: 1,
    });
    expect(cutoffs.positions.date).toBe('2026-03-01');
    expect(cutoffs.positions.instant).toEqual(new Date('2026-02-28T23:00:00Z'));
  });
});

describe('nextRunAt', () => {
  it('runs tonight when the time is still ahead, else tomorrow night', () => {
    expect(nextRunAt(new Date('2026-11-29T01:00:00Z'), '03:30')).toEqual(new Date('2026-11-29T02:30:00Z'));
    expect(nextRunAt(new Date('2026-11-29T02:30:00Z'), '03:30')).toEqual(new Date('2026-11-30T02:30:00Z'));
  });

  it('follows the change of time: the same wall-clock time, an hour apart in UTC', () => {
    // 25 October 2026: back to UTC+1 at 03:00 local.
    expect(nextRunAt(new Date('2026-10-24T12:00:00Z'), '03:30')).toEqual(new Date('2026-10-25T02:30:00Z'));
    expect(nextRunAt(new Date('2026-10-23T12:00:00Z'), '03:30')).toEqual(new Date('2026-10-24T01:30:00Z'));
  });
});
