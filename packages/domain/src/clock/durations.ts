import type { ClockAction } from './state-machine.js';

/**
 * Worked and break time of one work session, from its events in order.
 *
 * @example
 * const totals: SessionDurations = { workedSeconds: 10800, breakSeconds: 900, breakCount: 1 };
 */
export interface SessionDurations {
  workedSeconds: number;
  breakSeconds: number;
  breakCount: number;
}

/**
 * Sums worked and break time between instants. Instants are absolute (UTC), so a shift across
 * midnight or across a daylight-saving change counts the time really spent: a night from 22:00 to
 * 06:00 on the last Sunday of October lasts 9 hours, not 8. An open session counts up to `until`.
 *
 * @example
 * sessionDurations([
 *   { action: 'ARRIVE', at: new Date('2026-11-30T05:00:00Z') },
 *   { action: 'LEAVE', at: new Date('2026-11-30T08:00:00Z') },
 * ]); // { workedSeconds: 10800, breakSeconds: 0, breakCount: 0 }
 */
export function sessionDurations(
  events: readonly { action: ClockAction; at: Date }[],
  until?: Date,
): SessionDurations {
  let workedMs = 0;
  let breakMs = 0;
  let breakCount = 0;
  let mode: 'off' | 'working' | 'break' = 'off';
  let since = 0;
  for (const event of events) {
    const at = event.at.getTime();
    const elapsed = Math.max(0, at - since);
    if (mode === 'working') workedMs += elapsed;
    if (mode === 'break') breakMs += elapsed;
    if (event.action === 'ARRIVE' || event.action === 'RESUME') mode = 'working';
    else if (event.action === 'PAUSE') {
      mode = 'break';
      breakCount += 1;
    } else mode = 'off';
    since = at;
  }
  if (until && mode !== 'off') {
    const elapsed = Math.max(0, until.getTime() - since);
    if (mode === 'working') workedMs += elapsed;
    else breakMs += elapsed;
  }
  return { workedSeconds: Math.floor(workedMs / 1000), breakSeconds: Math.floor(breakMs / 1000), breakCount };
}
