import type { TimesheetQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { timesheetDays, type TimesheetDayRow } from '../timesheets/timesheet-repository.js';

/**
 * Agents per page of a timesheet export. The timesheet query sums the whole period for every agent
 * before it pages (see docs/performance.md), so each page costs nearly the whole month: few large
 * pages (a month of 1,000 agents is about 31,000 small rows, a few MiB) beat many small ones.
 */
const AGENTS_PER_PAGE = 1_000;

/**
 * The agent-days of a period a page of agents at a time (by name, as the timesheet screen),
 * summed by the database; each page ends with a whole agent.
 */
export async function* timesheetPages(
  db: Db,
  tenantId: string,
  query: Omit<TimesheetQuery, 'page' | 'pageSize'>,
): AsyncGenerator<TimesheetDayRow[]> {
  for (let page = 1; ; page += 1) {
    const rows = await timesheetDays(db, tenantId, { ...query, page, pageSize: AGENTS_PER_PAGE });
    if (rows.length > 0) yield rows;
    const agents = new Set(rows.map((row) => row.agent_id)).size;
    if (agents < AGENTS_PER_PAGE) return;
  }
}
