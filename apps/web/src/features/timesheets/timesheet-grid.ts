import type { TimesheetAgent, TimesheetDay } from '@ciao/domain';

/**
 * A duration as hours and minutes, `h:mm` (timesheets add hours up; decimals would hide minutes):
 * `formatDuration(27_000)` -> `'7:30'`; with `signed`, `'+0:15'` or `'−1:00'`.
 */
export function formatDuration(seconds: number, options: { signed?: boolean } = {}): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  const text = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  if (!options.signed) return seconds < 0 ? `−${text}` : text;
  if (minutes === 0) return '0:00';
  return `${seconds < 0 ? '−' : '+'}${text}`;
}

export interface WeekRow {
  agent: TimesheetAgent['agent'];
  /** One cell per day of the grid, undefined when the agent neither worked nor was planned. */
  cells: (TimesheetDay | undefined)[];
  totals: TimesheetAgent['totals'];
  corrected: boolean;
}

/** The agents × days grid of a week (or any list of days), and the totals of each day. */
export function weekGrid(items: readonly TimesheetAgent[], days: readonly string[]) {
  const rows: WeekRow[] = items.map((item) => {
    const byDate = new Map(item.days.map((day) => [day.date, day]));
    return {
      agent: item.agent,
      cells: days.map((date) => byDate.get(date)),
      totals: item.totals,
      corrected: item.days.some((day) => day.corrected),
    };
  });
  const dayTotals = days.map((_, index) =>
    rows.reduce(
      (sum, row) => ({
        workedSeconds: sum.workedSeconds + (row.cells[index]?.workedSeconds ?? 0),
        plannedSeconds: sum.plannedSeconds + (row.cells[index]?.plannedSeconds ?? 0),
      }),
      { workedSeconds: 0, plannedSeconds: 0 },
    ),
  );
  const total = rows.reduce(
    (sum, row) => ({
      workedSeconds: sum.workedSeconds + row.totals.workedSeconds,
      plannedSeconds: sum.plannedSeconds + row.totals.plannedSeconds,
    }),
    { workedSeconds: 0, plannedSeconds: 0 },
  );
  return { rows, dayTotals, total };
}
