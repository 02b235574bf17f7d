import { localWeekday, zonedInstant } from './local-time.js';

/**
 * One weekly slot of a task: ISO weekday (1 = Monday) and local times `HH:MM`. An end at or before
 * the start crosses midnight (a night shift).
 *
 * @example
 * const slot: WeeklySlot = { weekday: 1, start: '22:00', end: '06:00' };
 */
export interface WeeklySlot {
  weekday: number;
  start: string;
  end: string;
}

/**
 * The planned periods of a task starting on a local date, as instants.
 *
 * @example
 * plannedPeriodsOn([{ weekday: 1, start: '22:00', end: '06:00' }], '2026-11-30', 'Europe/Brussels');
 * // [{ start: 2026-11-30T21:00:00Z, end: 2026-12-01T05:00:00Z }]
 */
export function plannedPeriodsOn(
  schedule: readonly WeeklySlot[],
  date: string,
  timeZone: string,
): { start: Date; end: Date }[] {
  const noon = zonedInstant(date, '12:00', timeZone);
  const weekday = localWeekday(noon, timeZone);
  return schedule
    .filter((slot) => slot.weekday === weekday)
    .map((slot) => {
      const start = zonedInstant(date, slot.start, timeZone);
      const endSameDay = zonedInstant(date, slot.end, timeZone);
      const end =
        endSameDay.getTime() > start.getTime()
          ? endSameDay
          : zonedInstant(nextDate(date), slot.end, timeZone);
      return { start, end };
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The calendar day after a `YYYY-MM-DD` date.
 *
 * @example
 * nextDate('2026-12-31'); // '2027-01-01'
 */
export function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * Whether a task is valid on a local date (its validity dates are inclusive; either may be open).
 *
 * @example
 * isValidOn({ validFrom: '2026-01-01', validUntil: null }, '2026-11-30'); // true
 */
export function isValidOn(
  task: { validFrom: string | null; validUntil: string | null },
  date: string,
): boolean {
  return (!task.validFrom || task.validFrom <= date) && (!task.validUntil || date <= task.validUntil);
}
