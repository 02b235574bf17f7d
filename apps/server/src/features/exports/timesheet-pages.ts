import type { TimesheetQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { timesheetDays, type TimesheetDayRow } from '../timesheets/timesheet-repository.js';

/**
 * Agents per page of a timesheet export: a month of 500 agents is about 15,500 small rows. Each
 * page sums only its own agents (see `timesheetDays`).
 */
const AGENTS_PER_PAGE = 500;

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
