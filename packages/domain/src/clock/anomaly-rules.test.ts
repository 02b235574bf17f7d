import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anomalyDedupeKey,
  anomalyThresholds,
  anomalyTypes,
  anomalyTypesOfFlags,
  arrivedForPeriod,
  breaksTooLong,
  closesAutomatically,
  defaultAnomalyThresholds,
  exceedsWorkWithoutBreak,
  isMissedDeparture,
  longestWorkWithoutQualifyingBreak,
  noShowDue,
  onssConfirmationOverdue,
  plannedPeriodCalendar,
  plannedPeriodOfArrival,
  previousDate,
  type TimedAction,
} from './anomaly-rules.js';
import { sessionDurations } from './durations.js';
import { zonedInstant } from './local-time.js';
import { plannedPeriodsOn, type WeeklySlot } from './schedule.js';
import { clockActions, transition, type ClockState } from './state-machine.js';

const brussels = 'Europe/Brussels';
const at = (iso: string) => new Date(iso);
const t = defaultAnomalyThresholds;
const minutes = (n: number) => n * 60_000;

/** A valid session: arrive, then pause/resume pairs, with the given gaps in minutes. */
function session(start: Date, steps: { work: number; pause?: number }[], leave = true): TimedAction[] {
  const events: TimedAction[] = [{ action: 'ARRIVE', at: start }];
  let now = start.getTime();
  steps.forEach((step, index) => {
    now += minutes(step.work);
    if (index < steps.length - 1 || step.pause !== undefined) {
      events.push({ action: 'PAUSE', at: new Date(now) });
      now += minutes(step.pause ?? 0);
      events.push({ action: 'RESUME', at: new Date(now) });
    }
  });
  if (leave) events.push({ action: 'LEAVE', at: new Date(now) });
  return events;
}

describe('anomaly types and thresholds', () => {
  it('closes automatically only the types whose cause can disappear', () => {
    expect(anomalyTypes.filter(closesAutomatically)).toEqual([
      'MISSED_DEPARTURE',
      'NO_SHOW',
      'ONSS_NOT_CONFIRMED',
      'ONSS_REFUSED',
      'CORRECTION_DEADLINE_7_DAYS',
      'CORRECTION_DEADLINE_2_DAYS',
    ]);
  });

  it('turns event flags into anomalies, leaving other flags aside', () => {
    expect(anomalyTypesOfFlags(['TASK_INACTIVE', 'LATE_SYNC', 'OUTSIDE_GEOFENCE'])).toEqual([
      'OUTSIDE_GEOFENCE',
      'LATE_SYNC',
    ]);
  });

  it('merges the company thresholds over the defaults, ignoring unknown and bad values', () => {
    const merged = anomalyThresholds({
      breakMaxMinutes: 45,
      noShowGraceMinutes: -3,
      typo: 9,
      maxSessionHours: NaN,
    });
    expect(merged).toEqual({ ...defaultAnomalyThresholds, breakMaxMinutes: 45 });
    expect(anomalyThresholds(undefined)).toEqual(defaultAnomalyThresholds);
    expect(defaultAnomalyThresholds).toMatchObject({
      missedDepartureGraceMinutes: 60,
      maxSessionHours: 14,
      breakMaxMinutes: 60,
      workWithoutBreakMinutes: 360,
      minimumBreakMinutes: 15,
      noShowGraceMinutes: 30,
      onssConfirmationMinutes: 5,
    });
  });

  it('names causes with stable keys', () => {
    expect(anomalyDedupeKey('NO_SHOW', 't', 'a', at('2026-11-30T05:00:00Z'))).toBe(
      'NO_SHOW:t:a:2026-11-30T05:00:00.000Z',
    );
    expect(anomalyDedupeKey('MISSED_DEPARTURE', 's')).toBe('MISSED_DEPARTURE:s');
  });
});

describe('six hours without a break', () => {
  const start = at('2026-11-30T05:00:00Z');

  it('counts the work since the last break of at least 15 minutes', () => {
    // 4 h, 15 min break (qualifies), 5 h 30: the longest stretch is 5 h 30.
    const events = session(start, [{ work: 240, pause: 15 }, { work: 330 }]);
    expect(longestWorkWithoutQualifyingBreak(events)).toBe(330 * 60);
    expect(exceedsWorkWithoutBreak(events, events.at(-1)!.at, t)).toBe(false);
  });

  it('does not reset the count on a break shorter than the minimum', () => {
    // 4 h, 10 min break (too short), 2 h 30: 6 h 30 of work without a qualifying break.
    const events = session(start, [{ work: 240, pause: 10 }, { work: 150 }]);
    expect(longestWorkWithoutQualifyingBreak(events)).toBe(390 * 60);
    expect(exceedsWorkWithoutBreak(events, events.at(-1)!.at, t)).toBe(true);
  });

  it('is due strictly past the limit, and counts an open stretch up to now', () => {
    const open = session(start, [{ work: 0 }], false);
    expect(exceedsWorkWithoutBreak(open, new Date(start.getTime() + minutes(360)), t)).toBe(false);
    expect(exceedsWorkWithoutBreak(open, new Date(start.getTime() + minutes(361)), t)).toBe(true);
  });

  it('follows the company minimum break', () => {
    const events = session(start, [{ work: 240, pause: 10 }, { work: 150 }]);
    const relaxed = anomalyThresholds({ minimumBreakMinutes: 10 });
    expect(exceedsWorkWithoutBreak(events, events.at(-1)!.at, relaxed)).toBe(false);
  });

  it('counts real hours across the autumn change', () => {
    // 24–25 October 2026: 22:00 to 03:00 on the wall clock is 6 hours of work.
    const night = [{ action: 'ARRIVE' as const, at: zonedInstant('2026-10-24', '22:00', brussels) }];
    expect(longestWorkWithoutQualifyingBreak(night, zonedInstant('2026-10-25', '03:00', brussels))).toBe(
      6 * 3600,
    );
    expect(exceedsWorkWithoutBreak(night, zonedInstant('2026-10-25', '03:01', brussels), t)).toBe(true);
  });

  it('never exceeds the worked time, and equals it when no break qualifies (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ work: fc.integer({ min: 0, max: 300 }), pause: fc.integer({ min: 0, max: 90 }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 0, max: 120 }),
        (steps, minimumBreak) => {
          const events = session(start, steps);
          const worked = sessionDurations(events).workedSeconds;
          const longest = longestWorkWithoutQualifyingBreak(events, undefined, minimumBreak);
          expect(longest).toBeLessThanOrEqual(worked);
          expect(longest).toBeGreaterThanOrEqual(Math.max(...steps.map((step) => step.work * 60)));
          expect(longestWorkWithoutQualifyingBreak(events, undefined, 10_000)).toBe(worked);
        },
      ),
    );
  });

  it('only grows as time passes on an open session (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ action: fc.constantFrom(...clockActions), gap: fc.integer({ min: 0, max: 240 }) }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 600 }),
        (moves, extra) => {
          // Only the moves the state machine accepts, as the server records them.
          let state: ClockState = { status: 'OFF' };
          let now = start.getTime();
          const events: TimedAction[] = [];
          for (const move of moves) {
            now += minutes(move.gap);
            const next = transition(state, { action: move.action, taskId: 't', at: new Date(now) });
            if (!next.ok) continue;
            state = next.state;
            events.push({ action: move.action, at: new Date(now) });
          }
          const earlier = longestWorkWithoutQualifyingBreak(events, new Date(now));
          const later = longestWorkWithoutQualifyingBreak(events, new Date(now + minutes(extra)));
          expect(later).toBeGreaterThanOrEqual(earlier);
          expect(earlier).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('breaks too long', () => {
  const start = at('2026-11-30T05:00:00Z');

  it('finds each finished break longer than the limit, with its pause', () => {
    const events = session(start, [{ work: 60, pause: 61 }, { work: 60, pause: 60 }, { work: 30 }]);
    const found = breaksTooLong(events, events.at(-1)!.at, t);
    expect(found).toEqual([{ pause: events[1], endedAt: events[2]!.at, minutes: 61 }]);
  });

  it('finds a break still running once it passes the limit', () => {
    const events = session(start, [{ work: 60, pause: 0 }], false).slice(0, 2);
    expect(breaksTooLong(events, new Date(start.getTime() + minutes(120)), t)).toEqual([]);
    expect(breaksTooLong(events, new Date(start.getTime() + minutes(121)), t)).toEqual([
      { pause: events[1], endedAt: null, minutes: 61 },
    ]);
  });
});

describe('missed departures', () => {
  const plannedEnd = at('2026-11-30T08:00:00Z');
  const startedAt = at('2026-11-30T05:00:00Z');

  it('is due the grace after the planned end', () => {
    expect(isMissedDeparture({ startedAt, plannedEnd, now: at('2026-11-30T08:59:00Z'), thresholds: t })).toBe(
      null,
    );
    expect(
      isMissedDeparture({ startedAt, plannedEnd, now: at('2026-11-30T09:00:00Z'), thresholds: t }),
    ).toEqual({ reason: 'planned_end', dueAt: at('2026-11-30T09:00:00Z') });
  });

  it('is due after the longest session when nothing was planned', () => {
    expect(
      isMissedDeparture({ startedAt, plannedEnd: null, now: at('2026-11-30T18:59:00Z'), thresholds: t }),
    ).toBe(null);
    expect(
      isMissedDeparture({ startedAt, plannedEnd: null, now: at('2026-11-30T19:00:00Z'), thresholds: t }),
    ).toMatchObject({ reason: 'max_duration' });
  });

  it('picks the period in progress at the arrival, or the next one starting soon', () => {
    const periods = [
      { start: at('2026-11-30T05:00:00Z'), end: at('2026-11-30T08:00:00Z') },
      { start: at('2026-11-30T09:00:00Z'), end: at('2026-11-30T11:00:00Z') },
    ];
    expect(plannedPeriodOfArrival(periods, at('2026-11-30T07:30:00Z'), t)).toBe(periods[0]);
    expect(plannedPeriodOfArrival(periods, at('2026-11-30T08:10:00Z'), t)).toBe(periods[1]);
    expect(plannedPeriodOfArrival(periods, at('2026-11-30T02:00:00Z'), t)).toBeUndefined();
    expect(plannedPeriodOfArrival(periods, at('2026-11-30T12:00:00Z'), t)).toBeUndefined();
  });

  it('ends a night shift across the autumn change one hour later in UTC', () => {
    const calendar = plannedPeriodCalendar(brussels);
    const [night] = calendar.periodsOn([{ weekday: 6, start: '22:00', end: '06:00' }], '2026-10-24');
    const arrival = zonedInstant('2026-10-24', '21:55', brussels);
    const period = plannedPeriodOfArrival([night!], arrival, t);
    expect(period!.end.toISOString()).toBe('2026-10-25T05:00:00.000Z');
    const due = isMissedDeparture({
      startedAt: arrival,
      plannedEnd: period!.end,
      now: zonedInstant('2026-10-25', '07:00', brussels),
      thresholds: t,
    });
    expect(due?.dueAt.toISOString()).toBe('2026-10-25T06:00:00.000Z');
  });
});

describe('no-shows', () => {
  const period = { start: at('2026-11-30T05:00:00Z'), end: at('2026-11-30T08:00:00Z') };

  it('is due the grace after the start when nobody came', () => {
    expect(noShowDue({ period, sessions: [], now: at('2026-11-30T05:29:00Z'), thresholds: t })).toBe(false);
    expect(noShowDue({ period, sessions: [], now: at('2026-11-30T05:30:00Z'), thresholds: t })).toBe(true);
  });

  it('counts an arrival up to two hours early, or a session still running at the start', () => {
    const arrived = (startedAt: string, endedAt: string | null = null) =>
      arrivedForPeriod(period, [{ startedAt: at(startedAt), endedAt: endedAt ? at(endedAt) : null }], t);
    expect(arrived('2026-11-30T03:00:00Z', '2026-11-30T03:30:00Z')).toBe(true);
    expect(arrived('2026-11-30T02:59:00Z', '2026-11-30T04:00:00Z')).toBe(false);
    expect(arrived('2026-11-30T01:00:00Z', '2026-11-30T06:00:00Z')).toBe(true);
    expect(arrived('2026-11-30T01:00:00Z')).toBe(true);
    expect(arrived('2026-11-30T07:59:00Z')).toBe(true);
    expect(arrived('2026-11-30T08:00:00Z')).toBe(false);
  });

  it('starts a period planned in the hour skipped in spring one hour later', () => {
    const calendar = plannedPeriodCalendar(brussels);
    // 29 March 2026 is a Sunday: 02:30 does not exist in Brussels, the period starts at 03:30.
    const [early] = calendar.periodsOn([{ weekday: 7, start: '02:30', end: '06:00' }], '2026-03-29');
    expect(early!.start.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(noShowDue({ period: early!, sessions: [], now: at('2026-03-29T01:59:00Z'), thresholds: t })).toBe(
      false,
    );
    expect(noShowDue({ period: early!, sessions: [], now: at('2026-03-29T02:00:00Z'), thresholds: t })).toBe(
      true,
    );
  });
});

describe('ONSS confirmation', () => {
  const registrationTime = at('2026-11-30T05:00:00Z');
  it('is overdue after the confirmation delay while ONSS has not acknowledged', () => {
    const check = (status: string, now: string) =>
      onssConfirmationOverdue({ status, registrationTime, now: at(now), thresholds: t });
    expect(check('to_send', '2026-11-30T05:05:00Z')).toBe(false);
    expect(check('to_send', '2026-11-30T05:05:01Z')).toBe(true);
    expect(check('needs_attention', '2026-11-30T06:00:00Z')).toBe(true);
    expect(check('registered', '2026-11-30T06:00:00Z')).toBe(false);
    expect(check('validated', '2026-11-30T06:00:00Z')).toBe(false);
  });
});

describe('the planned period calendar', () => {
  it('gives what plannedPeriodsOn gives (property)', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const slot = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), start: time, end: time });
    const day = fc
      .date({
        min: new Date('2026-01-01T00:00:00Z'),
        max: new Date('2027-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    const calendar = plannedPeriodCalendar(brussels);
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 4 }), day, (schedule: WeeklySlot[], date) => {
        const expected = plannedPeriodsOn(schedule, date, brussels).map((p) => [
          p.start.getTime(),
          p.end.getTime(),
        ]);
        const actual = calendar.periodsOn(schedule, date).map((p) => [p.start.getTime(), p.end.getTime()]);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('knows the day before', () => {
    expect(previousDate('2028-03-01')).toBe('2028-02-29');
    expect(previousDate('2027-01-01')).toBe('2026-12-31');
  });
});
