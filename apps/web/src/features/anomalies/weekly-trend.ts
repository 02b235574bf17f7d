import type { AnomalySummary } from '@ciao/domain';

/** One ISO week of the trend: its label (`2026-W48`) and how many anomalies opened in it. */
export interface TrendWeek {
  week: string;
  count: number;
}

/** The ISO week of a calendar date `YYYY-MM-DD`, e.g. `isoWeek('2026-01-01')` -> `2026-W01`. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // The ISO year is that of the week's Thursday.
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Every week from the week of `fromDate` to the week of `toDate` (Brussels dates), with the
 * anomalies of the chosen type (or all), so that a quiet week shows as a zero rather than vanishing.
 */
export function weeklyTrend(
  weekly: AnomalySummary['weekly'],
  fromDate: string,
  toDate: string,
  type?: string,
): TrendWeek[] {
  const counts = new Map<string, number>();
  for (const row of weekly) {
    if (type && row.type !== type) continue;
    counts.set(row.week, (counts.get(row.week) ?? 0) + row.count);
  }
  const weeks: TrendWeek[] = [];
  const last = isoWeek(toDate);
  let cursor = Date.parse(`${fromDate}T00:00:00Z`);
  // At most 60 weeks: the server refuses longer periods.
  for (let guard = 0; guard < 60; guard += 1) {
    const week = isoWeek(new Date(cursor).toISOString().slice(0, 10));
    weeks.push({ week, count: counts.get(week) ?? 0 });
    if (week === last) break;
    cursor += 7 * 86_400_000;
  }
  return weeks;
}
