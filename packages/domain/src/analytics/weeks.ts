import { localDate, zonedInstant } from '../clock/local-time.js';
import { nextDate } from '../clock/schedule.js';

const DAY_MS = 86_400_000;

const utcNoon = (date: string) => Date.parse(`${date}T12:00:00Z`);
const dateOf = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/**
 * The Monday of a local date's ISO week (weeks start on Monday in Belgium). Works on the calendar
 * date alone, so a change of clock never moves a day to another week.
 *
 * @example
 * isoWeekStart('2026-11-29'); // '2026-11-23' (a Sunday belongs to the week before)
 */
export function isoWeekStart(date: string): string {
  const noon = utcNoon(date);
  const weekday = (new Date(noon).getUTCDay() + 6) % 7;
  return dateOf(noon - weekday * DAY_MS);
}

/**
 * The Mondays of every ISO week that a period of local dates touches, in order: the buckets of a
 * weekly chart, including the weeks without any data.
 *
 * @example
 * weekStartsBetween('2026-11-04', '2026-11-16'); // ['2026-11-02', '2026-11-09', '2026-11-16']
 */
export function weekStartsBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = isoWeekStart(from); week <= to; week = dateOf(utcNoon(week) + 7 * DAY_MS)) weeks.push(week);
  return weeks;
}

/**
 * The instants of a period of local dates in a time zone: from the first day's midnight to the
 * midnight after the last day (exclusive). A week with a change of clock lasts 167 or 169 hours.
 *
 * @example
 * localPeriodInstants('2026-03-23', '2026-03-29', 'Europe/Brussels');
 * // { start: 2026-03-22T23:00:00Z, end: 2026-03-29T22:00:00Z }
 */
export function localPeriodInstants(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedInstant(from, '00:00', timeZone), end: zonedInstant(nextDate(to), '00:00', timeZone) };
}

/**
 * The Monday of the local ISO week an instant falls in: what the database's weekly buckets give.
 *
 * @example
 * weekStartOfInstant(new Date('2026-03-29T21:30:00Z'), 'Europe/Brussels'); // '2026-03-23' (Sunday 23:30)
 */
export function weekStartOfInstant(instant: Date, timeZone: string): string {
  return isoWeekStart(localDate(instant, timeZone));
}
