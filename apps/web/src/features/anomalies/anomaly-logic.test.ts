import { describe, expect, it } from 'vitest';
import { anomalyDetailText } from './anomaly-details';
import { isoWeek, weeklyTrend } from './weekly-trend';

// A translation that shows its key and values, so that the test reads what would be shown.
const t = (key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key;

describe('anomalyDetailText', () => {
  it('says the minutes and distances of each type', () => {
    expect(anomalyDetailText(t, 'en', { type: 'LATE_SYNC', details: { minutesLate: 42 } })).toBe(
      'anomalies.details.LATE_SYNC {"minutes":42}',
    );
    expect(
      anomalyDetailText(t, 'en', {
        type: 'OUTSIDE_GEOFENCE',
        details: { distanceMeters: 350, radiusMeters: 100, accuracyMeters: 12 },
      }),
    ).toBe('anomalies.details.OUTSIDE_GEOFENCE {"distance":350,"radius":100,"accuracy":12}');
    expect(
      anomalyDetailText(t, 'en', {
        type: 'BREAK_TOO_LONG',
        details: { breakMinutes: 75, breakMaxMinutes: 60, breakStartedAt: '2026-01-15T11:00:00Z' },
      }),
    ).toBe('anomalies.details.BREAK_TOO_LONG {"minutes":75,"max":60,"since":"15 Jan 2026, 12:00"}');
  });

  it('names the correction request, its deadline day and the days left', () => {
    expect(
      anomalyDetailText(t, 'en', {
        type: 'CORRECTION_DEADLINE_2_DAYS',
        details: { reference: 'CR-2026-0007', deadline: '2026-12-01', daysLeft: 2, registrations: 3 },
      }),
    ).toBe(
      'anomalies.details.CORRECTION_DEADLINE {"reference":"CR-2026-0007","count":3,"deadline":"01 Dec 2026","daysLeft":2}',
    );
    expect(anomalyDetailText(t, 'en', { type: 'CORRECTION_DEADLINE_7_DAYS', details: {} })).toBe(
      'anomalies.describe.CORRECTION_DEADLINE_7_DAYS',
    );
  });

  it('tells a missed departure after the planned end from one past the maximum duration', () => {
    expect(
      anomalyDetailText(t, 'en', {
        type: 'MISSED_DEPARTURE',
        details: { reason: 'planned_end', graceMinutes: 60, plannedEnd: '2026-07-01T15:00:00Z' },
      }),
    ).toBe('anomalies.details.MISSED_DEPARTURE_planned_end {"minutes":60,"plannedEnd":"01 Jul 2026, 17:00"}');
    expect(
      anomalyDetailText(t, 'en', {
        type: 'MISSED_DEPARTURE',
        details: { reason: 'max_duration', maxSessionHours: 14, startedAt: '2026-07-01T04:00:00Z' },
      }),
    ).toBe('anomalies.details.MISSED_DEPARTURE_max_duration {"hours":14,"since":"01 Jul 2026, 06:00"}');
  });

  it('names the direction of an ONSS registration and the planned period of a no-show', () => {
    expect(
      anomalyDetailText(t, 'en', {
        type: 'ONSS_REFUSED',
        details: { direction: 'OUT', registrationTime: '2026-01-15T16:00:00Z' },
      }),
    ).toBe(
      'anomalies.details.ONSS_REFUSED {"direction":"anomalies.direction.OUT","at":"15 Jan 2026, 17:00"}',
    );
    expect(
      anomalyDetailText(t, 'en', {
        type: 'NO_SHOW',
        details: { periodStart: '2026-01-15T05:00:00Z', periodEnd: '2026-01-15T09:00:00Z' },
      }),
    ).toBe('anomalies.details.NO_SHOW {"start":"15 Jan 2026, 06:00","end":"10:00"}');
  });

  it('falls back to the plain description when details are missing or malformed', () => {
    expect(anomalyDetailText(t, 'en', { type: 'LATE_SYNC', details: {} })).toBe(
      'anomalies.describe.LATE_SYNC',
    );
    expect(anomalyDetailText(t, 'en', { type: 'NO_SHOW', details: { periodStart: 'yesterday' } })).toBe(
      'anomalies.describe.NO_SHOW',
    );
  });
});

describe('weekly trend', () => {
  it('numbers ISO weeks, the first week of a year holding its Thursday', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
  });

  it('lists every week of the period, zero for a quiet one, for all types or one', () => {
    const weekly = [
      { week: '2026-W46', type: 'NO_SHOW' as const, count: 2 },
      { week: '2026-W46', type: 'LATE_SYNC' as const, count: 1 },
      { week: '2026-W48', type: 'NO_SHOW' as const, count: 4 },
    ];
    expect(weeklyTrend(weekly, '2026-11-10', '2026-11-29')).toEqual([
      { week: '2026-W46', count: 3 },
      { week: '2026-W47', count: 0 },
      { week: '2026-W48', count: 4 },
    ]);
    expect(weeklyTrend(weekly, '2026-11-10', '2026-11-29', 'LATE_SYNC').map((week) => week.count)).toEqual([
      1, 0, 0,
    ]);
  });
});
