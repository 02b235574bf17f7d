import { defaultAnomalyThresholds, type AnomalyThresholds } from './anomaly-thresholds.js';
import type { ClockAction } from './state-machine.js';

// The break rules of the Belgian working-time law, as anomalies read them.

/**
 * One registration of a session, as the rules read it.
 *
 * @example
 * const event: TimedAction = { action: 'ARRIVE', at: new Date('2026-11-30T05:00:00Z') };
 */
export interface TimedAction {
  action: ClockAction;
  at: Date;
}

const MINUTE = 60_000;

const byTime = <E extends TimedAction>(events: readonly E[]): E[] =>
  [...events].sort((a, b) => a.at.getTime() - b.at.getTime());

/**
 * The longest stretch of work, in seconds, not interrupted by a break of at least
 * `minimumBreakMinutes`. A shorter break does not reset the count (its minutes are not work
 * either); time off between a departure and a new arrival counts as a break. An open stretch
 * counts up to `until`. Instants are absolute, so a night across a daylight-saving change counts
 * the hours really worked.
 *
 * @example
 * longestWorkWithoutQualifyingBreak(
 *   [
 *     { action: 'ARRIVE', at: new Date('2026-11-30T05:00:00Z') },
 *     { action: 'PAUSE', at: new Date('2026-11-30T09:00:00Z') },
 *     { action: 'RESUME', at: new Date('2026-11-30T09:10:00Z') }, // 10 minutes: does not count
 *   ],
 *   new Date('2026-11-30T12:00:00Z'),
 * ); // 25200 (7 hours)
 */
export function longestWorkWithoutQualifyingBreak(
  events: readonly TimedAction[],
  until?: Date,
  minimumBreakMinutes: number = defaultAnomalyThresholds.minimumBreakMinutes,
): number {
  let longest = 0;
  let stretch = 0;
  let workingSince: number | null = null;
  let stoppedAt: number | null = null;
  for (const event of byTime(events)) {
    const at = event.at.getTime();
    if (event.action === 'ARRIVE' || event.action === 'RESUME') {
      if (workingSince !== null) continue;
      if (stoppedAt !== null && at - stoppedAt >= minimumBreakMinutes * MINUTE) stretch = 0;
      workingSince = at;
      stoppedAt = null;
    } else {
      if (workingSince === null) continue;
      stretch += Math.max(0, at - workingSince);
      longest = Math.max(longest, stretch);
      workingSince = null;
      stoppedAt = at;
    }
  }
  if (until && workingSince !== null)
    longest = Math.max(longest, stretch + Math.max(0, until.getTime() - workingSince));
  return Math.floor(longest / 1000);
}

/**
 * Whether a session broke the rule "past 6 hours of work a break of at least 15 minutes is due"
 * (with the company's thresholds): strictly more than `workWithoutBreakMinutes` worked without a
 * qualifying break.
 *
 * @example
 * exceedsWorkWithoutBreak(
 *   [{ action: 'ARRIVE', at: new Date('2026-11-30T05:00:00Z') }],
 *   new Date('2026-11-30T11:01:00Z'),
 *   defaultAnomalyThresholds,
 * ); // true
 */
export function exceedsWorkWithoutBreak(
  events: readonly TimedAction[],
  until: Date,
  thresholds: AnomalyThresholds,
): boolean {
  const longest = longestWorkWithoutQualifyingBreak(events, until, thresholds.minimumBreakMinutes);
  return longest > thresholds.workWithoutBreakMinutes * 60;
}

/**
 * The breaks longer than `breakMaxMinutes`, each with the PAUSE that started it; a break still
 * running counts up to `until` (its `endedAt` is null).
 *
 * @example
 * breaksTooLong(
 *   [
 *     { action: 'ARRIVE', at: new Date('2026-11-30T05:00:00Z') },
 *     { action: 'PAUSE', at: new Date('2026-11-30T07:00:00Z') },
 *   ],
 *   new Date('2026-11-30T08:30:00Z'),
 *   defaultAnomalyThresholds,
 * ); // [{ pause: { action: 'PAUSE', … }, endedAt: null, minutes: 90 }]
 */
export function breaksTooLong<E extends TimedAction>(
  events: readonly E[],
  until: Date,
  thresholds: AnomalyThresholds,
): { pause: E; endedAt: Date | null; minutes: number }[] {
  const found: { pause: E; endedAt: Date | null; minutes: number }[] = [];
  let pause: E | null = null;
  const check = (end: Date, endedAt: Date | null) => {
    if (!pause) return;
    const minutes = Math.floor((end.getTime() - pause.at.getTime()) / MINUTE);
    if (minutes > thresholds.breakMaxMinutes) found.push({ pause, endedAt, minutes });
    pause = null;
  };
  for (const event of byTime(events)) {
    if (event.action === 'PAUSE') pause ??= event;
    else if (event.action === 'RESUME' || event.action === 'LEAVE') check(event.at, event.at);
  }
  check(until, null);
  return found;
}
