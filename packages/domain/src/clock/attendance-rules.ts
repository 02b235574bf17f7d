import type { AnomalyThresholds } from './anomaly-thresholds.js';
import { localWeekday, zonedInstant } from './local-time.js';
import { plannedPeriodsOn, type WeeklySlot } from './schedule.js';

const MINUTE = 60_000;

/**
 * A planned period of a task, as instants.
 *
 * @example
 * const period: PlannedPeriod = { start: new Date('2026-11-30T05:00:00Z'), end: new Date('2026-11-30T08:00:00Z') };
 */
export interface PlannedPeriod {
  start: Date;
  end: Date;
}

/**
 * The planned period a session belongs to, among the task's periods around its arrival: the one in
 * progress at the arrival (the latest started), otherwise the next one starting within
 * `earlyArrivalMinutes`. None when the agent came outside any planned period.
 *
 * @example
 * plannedPeriodOfArrival(
 *   [{ start: new Date('2026-11-30T05:00:00Z'), end: new Date('2026-11-30T08:00:00Z') }],
 *   new Date('2026-11-30T04:50:00Z'),
 *   defaultAnomalyThresholds,
 * ); // the 05:00–08:00 period
 */
export function plannedPeriodOfArrival(
  periods: readonly PlannedPeriod[],
  arrivedAt: Date,
  thresholds: AnomalyThresholds,
): PlannedPeriod | undefined {
  const at = arrivedAt.getTime();
  const inProgress = periods
    .filter((period) => period.start.getTime() <= at && at < period.end.getTime())
    .sort((a, b) => b.start.getTime() - a.start.getTime())[0];
  if (inProgress) return inProgress;
  return periods
    .filter(
      (period) =>
        period.start.getTime() > at && period.start.getTime() - at <= thresholds.earlyArrivalMinutes * MINUTE,
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
}

/**
 * Whether an open session is a missed departure at `now`, and why: still open
 * `missedDepartureGraceMinutes` after the planned end of its period, or open for more than
 * `maxSessionHours` whatever the plan. The earliest rule that applies wins.
 *
 * @example
 * isMissedDeparture({
 *   startedAt: new Date('2026-11-30T05:00:00Z'),
 *   plannedEnd: new Date('2026-11-30T08:00:00Z'),
 *   now: new Date('2026-11-30T09:05:00Z'),
 *   thresholds: defaultAnomalyThresholds,
 * }); // { reason: 'planned_end', dueAt: 2026-11-30T09:00:00Z }
 */
export function isMissedDeparture(input: {
  startedAt: Date;
  plannedEnd: Date | null | undefined;
  now: Date;
  thresholds: AnomalyThresholds;
}): { reason: 'planned_end' | 'max_duration'; dueAt: Date } | null {
  const { startedAt, plannedEnd, now, thresholds } = input;
  const candidates: { reason: 'planned_end' | 'max_duration'; dueAt: Date }[] = [
    {
      reason: 'max_duration',
      dueAt: new Date(startedAt.getTime() + thresholds.maxSessionHours * 60 * MINUTE),
    },
  ];
  if (plannedEnd) {
    candidates.unshift({
      reason: 'planned_end',
      dueAt: new Date(plannedEnd.getTime() + thresholds.missedDepartureGraceMinutes * MINUTE),
    });
  }
  const due = candidates
    .filter((candidate) => candidate.dueAt.getTime() <= now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return due[0] ?? null;
}

/**
 * A work session as the no-show rule reads it (endedAt null while open).
 *
 * @example
 * const session: SessionSpan = { startedAt: new Date('2026-11-30T04:55:00Z'), endedAt: null };
 */
export interface SessionSpan {
  startedAt: Date;
  endedAt: Date | null;
}

/**
 * Whether the agent came for a planned period: a session on the task that started before the
 * period's end and either started at most `earlyArrivalMinutes` before its start or was still
 * running at its start. An arrival after the planned end does not count: the manager judges it.
 *
 * @example
 * arrivedForPeriod(
 *   { start: new Date('2026-11-30T05:00:00Z'), end: new Date('2026-11-30T08:00:00Z') },
 *   [{ startedAt: new Date('2026-11-30T05:40:00Z'), endedAt: null }],
 *   defaultAnomalyThresholds,
 * ); // true
 */
export function arrivedForPeriod(
  period: PlannedPeriod,
  sessions: readonly SessionSpan[],
  thresholds: AnomalyThresholds,
): boolean {
  const start = period.start.getTime();
  const earliest = start - thresholds.earlyArrivalMinutes * MINUTE;
  return sessions.some((session) => {
    const startedAt = session.startedAt.getTime();
    if (startedAt >= period.end.getTime()) return false;
    return startedAt >= earliest || session.endedAt === null || session.endedAt.getTime() > start;
  });
}

/**
 * Whether a planned period is a no-show at `now`: `noShowGraceMinutes` have passed since its start
 * and the agent has not arrived for it ({@link arrivedForPeriod}).
 *
 * @example
 * noShowDue({
 *   period: { start: new Date('2026-11-30T05:00:00Z'), end: new Date('2026-11-30T08:00:00Z') },
 *   sessions: [],
 *   now: new Date('2026-11-30T05:31:00Z'),
 *   thresholds: defaultAnomalyThresholds,
 * }); // true
 */
export function noShowDue(input: {
  period: PlannedPeriod;
  sessions: readonly SessionSpan[];
  now: Date;
  thresholds: AnomalyThresholds;
}): boolean {
  const { period, sessions, now, thresholds } = input;
  if (now.getTime() < period.start.getTime() + thresholds.noShowGraceMinutes * MINUTE) return false;
  return !arrivedForPeriod(period, sessions, thresholds);
}

/**
 * The statuses of an ONSS registration that ONSS has not acknowledged yet.
 *
 * @example
 * onssUnconfirmedStatuses.includes('send_failing'); // true
 */
export const onssUnconfirmedStatuses = ['to_send', 'sending', 'send_failing', 'needs_attention'] as const;

/**
 * Whether an ONSS registration is still unconfirmed `onssConfirmationMinutes` after the moment it
 * registers (a late-synced registration is therefore reported at once: ONSS did not have it in time).
 *
 * @example
 * onssConfirmationOverdue({
 *   status: 'send_failing',
 *   registrationTime: new Date('2026-11-30T05:00:00Z'),
 *   now: new Date('2026-11-30T05:06:00Z'),
 *   thresholds: defaultAnomalyThresholds,
 * }); // true
 */
export function onssConfirmationOverdue(input: {
  status: string;
  registrationTime: Date;
  now: Date;
  thresholds: AnomalyThresholds;
}): boolean {
  const { status, registrationTime, now, thresholds } = input;
  if (!(onssUnconfirmedStatuses as readonly string[]).includes(status)) return false;
  return now.getTime() - registrationTime.getTime() > thresholds.onssConfirmationMinutes * MINUTE;
}

/**
 * The calendar day before a `YYYY-MM-DD` date.
 *
 * @example
 * previousDate('2027-01-01'); // '2026-12-31'
 */
export function previousDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/**
 * {@link plannedPeriodsOn} for many tasks at once: remembers each weekday and each (date, start,
 * end), so that a scan over thousands of tasks computes each distinct period once (time-zone
 * arithmetic is slow). Gives exactly what `plannedPeriodsOn` gives.
 *
 * @example
 * const calendar = plannedPeriodCalendar('Europe/Brussels');
 * calendar.periodsOn([{ weekday: 1, start: '06:00', end: '09:00' }], '2026-11-30');
 * // [{ start: 2026-11-30T05:00:00Z, end: 2026-11-30T08:00:00Z }]
 */
export function plannedPeriodCalendar(timeZone: string) {
  const weekdays = new Map<string, number>();
  const periods = new Map<string, PlannedPeriod | undefined>();
  const weekdayOf = (date: string) => {
    let weekday = weekdays.get(date);
    if (weekday === undefined) {
      weekday = localWeekday(zonedInstant(date, '12:00', timeZone), timeZone);
      weekdays.set(date, weekday);
    }
    return weekday;
  };
  return {
    periodsOn(schedule: readonly WeeklySlot[], date: string): PlannedPeriod[] {
      const weekday = weekdayOf(date);
      const found: PlannedPeriod[] = [];
      for (const slot of schedule) {
        if (slot.weekday !== weekday) continue;
        const key = `${date}|${slot.start}|${slot.end}`;
        if (!periods.has(key)) periods.set(key, plannedPeriodsOn([slot], date, timeZone)[0]);
        const period = periods.get(key);
        if (period) found.push(period);
      }
      return found.sort((a, b) => a.start.getTime() - b.start.getTime());
    },
  };
}
