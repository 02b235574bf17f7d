import type { TimesheetQuery } from '@ciao/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pageOffset } from '../../db/query-helpers.js';

/** One agent-day as the database sums it (instants as epoch seconds, so both drivers agree). */
export interface TimesheetDayRow {
  agent_id: string;
  identifier: string;
  first_name: string;
  last_name: string;
  day: string;
  first_arrival: number | null;
  last_departure: number | null;
  worked: number;
  break_seconds: number;
  break_count: number;
  sessions: number;
  open: boolean;
  corrected: boolean;
  planned: number;
}

/**
 * A work session's worked time as reported (`ws` being the session): a manager's corrected figure
 * replaces the registered one.
 */
export const sessionWorkedSeconds = sql`coalesce(ws.corrected_worked_seconds, ws.worked_seconds)`;

/**
 * The `planned` CTE: per agent and day of the `days` CTE, the seconds of the weekly slots of the
 * agent's active tasks valid that day. A slot ending at or before its start crosses midnight.
 * `taskFilters` narrow the tasks (`ta` is the assignment, `t` the task), each starting with `and`.
 */
function plannedCte(tenantId: string, taskFilters: readonly SQL[]): SQL {
  return sql`
    planned as (
      select ta.agent_id, days.day,
        sum(extract(epoch from (
          (slot->>'end')::time - (slot->>'start')::time
          + case when (slot->>'end')::time <= (slot->>'start')::time
              then interval '24 hours' else interval '0 hours' end
        )))::int as planned
      from task_agents ta
      join tasks t on t.tenant_id = ta.tenant_id and t.id = ta.task_id
      cross join days
      cross join lateral jsonb_array_elements(t.schedule) as slot
      where ta.tenant_id = ${tenantId} and t.active
        and (slot->>'weekday')::int = extract(isodow from days.day)
        and (t.valid_from is null or t.valid_from <= days.day)
        and (t.valid_until is null or days.day <= t.valid_until)
        ${sql.join([...taskFilters], sql` `)}
      group by ta.agent_id, days.day
    )`;
}

/**
 * Two CTEs, `days` (every local date of the period) and `planned` ({@link plannedCte}): the planned
 * time of the timesheets, shared with the analytics so that the two screens cannot disagree.
 */
export function plannedTimeCtes(
  tenantId: string,
  period: { from: string; to: string },
  taskFilters: readonly SQL[] = [],
): SQL {
  return sql`${daysOf(period)}, ${plannedCte(tenantId, taskFilters)}`;
}

/**
 * The agent-days of a period: what was worked (from the work sessions, a manager's corrected
 * figures replacing the registered ones) and what was planned ({@link plannedCte}), summed by the
 * database so that a month of 2,000 agents never travels as sessions.
 */
function agentDays(tenantId: string, query: TimesheetQuery, onlyPaged = false): SQL {
  const sessionFilters: SQL[] = [];
  const taskFilters: SQL[] = [];
  if (query.agentId) {
    sessionFilters.push(sql`and ws.agent_id = ${query.agentId}`);
    taskFilters.push(sql`and ta.agent_id = ${query.agentId}`);
  }
  if (query.siteId) {
    sessionFilters.push(sql`and ws.site_id = ${query.siteId}`);
    taskFilters.push(sql`and t.site_id = ${query.siteId}`);
  }
  // A page sums only its own agents (the `paged` CTE of `timesheetDays`); counts sum them all.
  // `= any(array(…))` rather than `in (select …)`: the planner then filters the sessions and slots
  // by the page before it joins, and a page of 500 costs 2.5 times one of 200, not 9 times.
  if (onlyPaged) {
    sessionFilters.push(sql`and ws.agent_id = any(array(select id from paged))`);
    taskFilters.push(sql`and ta.agent_id = any(array(select id from paged))`);
  }
  return sql`
    actual as (
      select ws.agent_id, ws.work_date as day,
        min(coalesce(ws.corrected_started_at, ws.started_at)) as first_arrival,
        max(coalesce(ws.corrected_ended_at, ws.ended_at)) as last_departure,
        sum(${sessionWorkedSeconds})::int as worked,
        sum(coalesce(ws.corrected_break_seconds, ws.break_seconds))::int as break_seconds,
        sum(ws.break_count)::int as break_count,
        count(*)::int as sessions,
        bool_or(ws.state <> 'CLOSED' and ws.corrected_ended_at is null) as open,
        bool_or(ws.corrected) as corrected
      from work_sessions ws
      where ws.tenant_id = ${tenantId}
        and ws.work_date between ${query.from}::date and ${query.to}::date
        ${sql.join(sessionFilters, sql` `)}
      group by ws.agent_id, ws.work_date
    ),
    ${plannedCte(tenantId, taskFilters)},
    agent_days as (
      select agent_id, day from actual
      union
      select agent_id, day from planned
    )`;
}

function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

function daysOf(query: { from: string; to: string }): SQL {
  return sql`
    days as (
      select g.d::date as day
      from generate_series(${query.from}::date, ${query.to}::date, interval '1 day') as g(d)
    )`;
}

/**
 * The agents with work or planned time in the period, found without summing anything: those with
 * a session, and those linked to an active task with a slot on a day of the period while it is
 * valid. The same agents as `agent_days` holds, for a fraction of its cost.
 */
function candidateAgents(tenantId: string, query: TimesheetQuery): SQL {
  return sql`
    planned_tasks as (
      select t.id from tasks t
      where t.tenant_id = ${tenantId} and t.active
        ${query.siteId ? sql`and t.site_id = ${query.siteId}` : sql``}
        and exists (
          select 1 from days cross join lateral jsonb_array_elements(t.schedule) as slot
          where (slot->>'weekday')::int = extract(isodow from days.day)
            and (t.valid_from is null or t.valid_from <= days.day)
            and (t.valid_until is null or days.day <= t.valid_until)
        )
    ),
    candidates as (
      select ws.agent_id from work_sessions ws
      where ws.tenant_id = ${tenantId}
        and ws.work_date between ${query.from}::date and ${query.to}::date
        ${query.agentId ? sql`and ws.agent_id = ${query.agentId}` : sql``}
        ${query.siteId ? sql`and ws.site_id = ${query.siteId}` : sql``}
      union
      select ta.agent_id from task_agents ta
      where ta.tenant_id = ${tenantId} and ta.task_id in (select id from planned_tasks)
        ${query.agentId ? sql`and ta.agent_id = ${query.agentId}` : sql``}
    )`;
}

/** How many agent-days (lines of a timesheet export) the period has. */
export async function countTimesheetDays(db: Db, tenantId: string, query: TimesheetQuery): Promise<number> {
  const result = await db.execute(
    sql`with ${daysOf(query)}, ${agentDays(tenantId, query)} select count(*)::int as n from agent_days`,
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** How many agents have work or planned time in the period. */
export async function countTimesheetAgents(db: Db, tenantId: string, query: TimesheetQuery): Promise<number> {
  const result = await db.execute(
    sql`with ${daysOf(query)}, ${candidateAgents(tenantId, query)} select count(*)::int as n from candidates`,
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** The agent-days of one page of agents (by last name, first name), in date order. */
export async function timesheetDays(
  db: Db,
  tenantId: string,
  query: TimesheetQuery,
): Promise<TimesheetDayRow[]> {
  // The page's agents are picked first, then only theirs are summed: a page of 200 agents no
  // longer costs the sums of every agent of the company.
  const result = await db.execute(sql`
    with ${daysOf(query)}, ${candidateAgents(tenantId, query)},
    paged as (
      select ag.id, ag.identifier, ag.first_name, ag.last_name
      from agents ag
      where ag.tenant_id = ${tenantId} and ag.id in (select agent_id from candidates)
      order by lower(ag.last_name), lower(ag.first_name), ag.id
      limit ${query.pageSize} offset ${pageOffset(query.page, query.pageSize)}
    ),
    ${agentDays(tenantId, query, true)}
    select p.id as agent_id, p.identifier, p.first_name, p.last_name, k.day::text as day,
      extract(epoch from a.first_arrival)::float8 as first_arrival,
      extract(epoch from a.last_departure)::float8 as last_departure,
      coalesce(a.worked, 0) as worked,
      coalesce(a.break_seconds, 0) as break_seconds,
      coalesce(a.break_count, 0) as break_count,
      coalesce(a.sessions, 0) as sessions,
      coalesce(a.open, false) as open,
      coalesce(a.corrected, false) as corrected,
      coalesce(pl.planned, 0) as planned
    from paged p
    join agent_days k on k.agent_id = p.id
    left join actual a on a.agent_id = k.agent_id and a.day = k.day
    left join planned pl on pl.agent_id = k.agent_id and pl.day = k.day
    order by lower(p.last_name), lower(p.first_name), p.id, k.day`);
  return rowsOf<TimesheetDayRow>(result);
}
