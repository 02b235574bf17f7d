import type { TimesheetQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { countTimesheetDays } from '../timesheets/timesheet-repository.js';
import { hours, localDateTime } from './export-cells.js';
import type { ExportSource, ExportWording } from './export-source.js';
import { timesheetPages } from './timesheet-pages.js';

const instant = (epochSeconds: number | null) =>
  epochSeconds === null ? null : new Date(epochSeconds * 1000);

/**
 * The timesheets as a table: one line per agent and day with work or planned time, a manager's
 * corrections replacing the registered figures (and marked), hours in decimal.
 */
export function timesheetExport(
  db: Db,
  tenantId: string,
  query: TimesheetQuery,
  wording: ExportWording,
): ExportSource {
  const { texts, timeZone } = wording;
  const words = texts.timesheets;
  const yesNo = (value: boolean) => (value ? texts.yes : texts.no);
  async function* pages() {
    for await (const rows of timesheetPages(db, tenantId, query)) {
      yield rows.map((row) => [
        row.identifier,
        `${row.last_name} ${row.first_name}`,
        row.day,
        localDateTime(instant(row.first_arrival), timeZone),
        localDateTime(instant(row.last_departure), timeZone),
        row.break_count,
        Math.round(row.break_seconds / 60),
        hours(row.worked),
        hours(row.planned),
        hours(row.worked - row.planned),
        yesNo(row.corrected),
        yesNo(row.open),
      ]);
    }
  }
  return {
    table: {
      title: texts.titles.timesheets,
      columns: [
        { header: words.identifier },
        { header: words.agent, weight: 1.6 },
        { header: words.date },
        { header: words.arrival, weight: 1.2 },
        { header: words.departure, weight: 1.2 },
        { header: words.breakCount, weight: 0.6 },
        { header: words.breakMinutes, weight: 0.7 },
        { header: words.worked, weight: 0.8 },
        { header: words.planned, weight: 0.8 },
        { header: words.difference, weight: 0.8 },
        { header: words.corrected, weight: 0.7 },
        { header: words.open, weight: 0.7 },
      ],
      pages: pages(),
    },
    count: () => countTimesheetDays(db, tenantId, query),
  };
}
