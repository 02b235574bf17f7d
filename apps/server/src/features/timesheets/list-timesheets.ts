import type { TimesheetAgent, TimesheetPage, TimesheetQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { countTimesheetAgents, timesheetDays, type TimesheetDayRow } from './timesheet-repository.js';

const instant = (epochSeconds: number | null) =>
  epochSeconds === null ? null : new Date(epochSeconds * 1000).toISOString();

/** Groups the database's agent-days (already in agent then date order) by agent, with the totals. */
export function groupByAgent(rows: readonly TimesheetDayRow[]): TimesheetAgent[] {
  const agents: TimesheetAgent[] = [];
  for (const row of rows) {
    let current = agents.at(-1);
    if (current?.agent.id !== row.agent_id) {
      current = {
        agent: { id: row.agent_id, identifier: row.identifier, name: `${row.first_name} ${row.last_name}` },
        days: [],
        totals: { workedSeconds: 0, breakSeconds: 0, plannedSeconds: 0 },
      };
      agents.push(current);
    }
    current.days.push({
      date: row.day,
      firstArrival: instant(row.first_arrival),
      lastDeparture: instant(row.last_departure),
      workedSeconds: row.worked,
      breakSeconds: row.break_seconds,
      breakCount: row.break_count,
      plannedSeconds: row.planned,
      sessionCount: row.sessions,
      open: row.open,
      corrected: row.corrected,
    });
    current.totals.workedSeconds += row.worked;
    current.totals.breakSeconds += row.break_seconds;
    current.totals.plannedSeconds += row.planned;
  }
  return agents;
}

/** One page of agents' timesheets over a period: per day, worked, break and planned time. */
export async function listTimesheets(
  ctx: AppContext,
  caller: Caller,
  query: TimesheetQuery,
): Promise<TimesheetPage> {
  const total = await countTimesheetAgents(ctx.db, caller.tenantId, query);
  const rows = total === 0 ? [] : await timesheetDays(ctx.db, caller.tenantId, query);
  return {
    from: query.from,
    to: query.to,
    items: groupByAgent(rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
