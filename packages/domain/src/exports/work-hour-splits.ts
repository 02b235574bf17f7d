import { localDate, zonedInstant } from '../clock/local-time.js';

/** A stretch of work between two instants (`end` after `start`). */
export interface WorkInterval {
  start: Date;
  end: Date;
}

/** Seconds of work in the night (22:00–06:00 local) and on Sundays (00:00–24:00 local). */
export interface WorkHourSplit {
  nightSeconds: number;
  sundaySeconds: number;
}

function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function isSunday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 0;
}

function overlapSeconds(interval: WorkInterval, from: Date, to: Date): number {
  const start = Math.max(interval.start.getTime(), from.getTime());
  const end = Math.min(interval.end.getTime(), to.getTime());
  return end > start ? (end - start) / 1000 : 0;
}

/**
 * How much of some work falls in the night (22:00 to 06:00 local time, the Belgian labour law's
 * night) and on a Sunday (local calendar day), in seconds. The boundaries are local wall-clock
 * times, so a night across a daylight-saving change lasts 7 or 9 hours; work across midnight
 * counts the part after midnight on the next day (Saturday 23:00 → Sunday 02:00 is 2 h of Sunday).
 *
 * @example
 * const start = new Date('2026-11-28T21:00:00Z'); // Saturday 22:00 in Brussels
 * const end = new Date('2026-11-29T01:00:00Z'); // Sunday 02:00
 * splitWorkHours([{ start, end }], 'Europe/Brussels'); // { nightSeconds: 14400, sundaySeconds: 7200 }
 */
export function splitWorkHours(intervals: readonly WorkInterval[], timeZone: string): WorkHourSplit {
  let nightSeconds = 0;
  let sundaySeconds = 0;
  for (const interval of intervals) {
    if (interval.end.getTime() <= interval.start.getTime()) continue;
    // The night that began the evening before the first day may cover the interval's start.
    let date = shiftDate(localDate(interval.start, timeZone), -1);
    const last = localDate(new Date(interval.end.getTime() - 1), timeZone);
    while (date <= last) {
      const next = shiftDate(date, 1);
      nightSeconds += overlapSeconds(
        interval,
        zonedInstant(date, '22:00', timeZone),
        zonedInstant(next, '06:00', timeZone),
      );
      if (isSunday(date)) {
        sundaySeconds += overlapSeconds(
          interval,
          zonedInstant(date, '00:00', timeZone),
          zonedInstant(next, '00:00', timeZone),
        );
      }
      date = next;
    }
  }
  return { nightSeconds: Math.round(nightSeconds), sundaySeconds: Math.round(sundaySeconds) };
}

/**
 * The night and Sunday shares of a work session known only by its span and its total break time
 * (a session's breaks are not kept as intervals once summed, and a manager's correction gives
 * totals only): the span is split, then each share is reduced in proportion of the break time.
 *
 * @example
 * splitSessionHours(new Date('2026-11-28T21:00:00Z'), new Date('2026-11-29T01:00:00Z'), 0, 'Europe/Brussels');
 */
export function splitSessionHours(
  start: Date,
  end: Date,
  breakSeconds: number,
  timeZone: string,
): WorkHourSplit {
  const span = (end.getTime() - start.getTime()) / 1000;
  if (span <= 0) return { nightSeconds: 0, sundaySeconds: 0 };
  const split = splitWorkHours([{ start, end }], timeZone);
  const worked = Math.max(0, Math.min(1, (span - breakSeconds) / span));
  return {
    nightSeconds: Math.round(split.nightSeconds * worked),
    sundaySeconds: Math.round(split.sundaySeconds * worked),
  };
}
