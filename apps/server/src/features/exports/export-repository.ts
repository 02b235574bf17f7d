import type { AnomalyListQuery, OnssRegistrationListQuery, RegistrationListQuery } from '@ciao/domain';
import { and, count, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agents,
  anomalies,
  clients,
  clockEvents,
  onssRegistrations,
  sites,
  tasks,
  webUsers,
} from '../../db/schema/index.js';
import { anomalyColumns, anomalyListConditions } from '../anomalies/anomaly-repository.js';
import {
  onssListConditions,
  onssRegistrationColumns,
} from '../onss-registrations/onss-registration-repository.js';
import {
  onssOfEvent,
  registrationConditions,
  type NarrowedFilters,
  registrationListColumns,
  type Period,
} from '../registrations/registration-repository.js';

/**
 * Where the previous keyset page stopped: the sort column as PostgreSQL writes it (text keeps the
 * microseconds a JavaScript Date would lose) and the row id that breaks ties.
 */
export interface KeysetCursor {
  at: string;
  id: string;
}

/** Rows after the cursor in `(column, id)` order, descending or ascending; an index range scan. */
function afterCursor(column: SQLWrapper, id: SQLWrapper, cursor: KeysetCursor | null, descending: boolean) {
  if (!cursor) return undefined;
  return descending
    ? sql`(${column}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : sql`(${column}, ${id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

const cursorOf = (column: SQLWrapper) => sql<string>`${column}::text`;

/** One keyset page of the registrations list's rows (same filters and order as the screen). */
export async function registrationExportPage(
  db: Db,
  tenantId: string,
  query: RegistrationListQuery,
  period: Period,
  cursor: KeysetCursor | null,
  limit: number,
  narrowed: NarrowedFilters = {},
) {
  const column = query.sort === 'receivedAt' ? clockEvents.receivedAt : clockEvents.deviceTime;
  const descending = query.order !== 'asc';
  const direction = descending ? sql`desc` : sql`asc`;
  return db
    .select({ ...registrationListColumns, cursorAt: cursorOf(column) })
    .from(clockEvents)
    .innerJoin(agents, eq(agents.id, clockEvents.agentId))
    .innerJoin(tasks, eq(tasks.id, clockEvents.taskId))
    .innerJoin(sites, eq(sites.id, clockEvents.siteId))
    .innerJoin(clients, eq(clients.id, sites.clientId))
    .leftJoin(onssRegistrations, onssOfEvent)
    .where(
      and(
        ...registrationConditions(tenantId, query, period, narrowed),
        afterCursor(column, clockEvents.id, cursor, descending),
      ),
    )
    .orderBy(sql`${column} ${direction}`, sql`${clockEvents.id} ${direction}`)
    .limit(limit);
}

export type RegistrationExportRow = Awaited<ReturnType<typeof registrationExportPage>>[number];

/** How many registrations match the filters (exactly: a job shows its progress against it). */
export async function countRegistrationExport(
  db: Db,
  tenantId: string,
  query: RegistrationListQuery,
  period: Period,
  cap?: number,
  narrowed: NarrowedFilters = {},
) {
  return countCapped(
    db,
    and(...registrationConditions(tenantId, query, period, narrowed))!,
    clockEvents,
    cap,
  );
}

/** One keyset page of the ONSS registrations list (newest first, as the screen). */
export async function onssExportPage(
  db: Db,
  tenantId: string,
  query: OnssRegistrationListQuery,
  now: Date,
  cursor: KeysetCursor | null,
  limit: number,
) {
  const column = onssRegistrations.registrationTime;
  return db
    .select({ ...onssRegistrationColumns, cursorAt: cursorOf(column) })
    .from(onssRegistrations)
    .innerJoin(agents, eq(agents.id, onssRegistrations.agentId))
    .innerJoin(sites, eq(sites.id, onssRegistrations.siteId))
    .leftJoin(webUsers, eq(webUsers.id, onssRegistrations.followUpAssigneeId))
    .where(
      and(
        ...onssListConditions(tenantId, query, now),
        afterCursor(column, onssRegistrations.id, cursor, true),
      ),
    )
    .orderBy(sql`${column} desc`, sql`${onssRegistrations.id} desc`)
    .limit(limit);
}

export async function countOnssExport(
  db: Db,
  tenantId: string,
  query: OnssRegistrationListQuery,
  now: Date,
  cap?: number,
) {
  return countCapped(db, and(...onssListConditions(tenantId, query, now))!, onssRegistrations, cap);
}

/** One keyset page of the anomalies list (newest first, as the screen). */
export async function anomalyExportPage(
  db: Db,
  tenantId: string,
  query: AnomalyListQuery,
  cursor: KeysetCursor | null,
  limit: number,
) {
  const column = anomalies.openedAt;
  return db
    .select({ ...anomalyColumns, cursorAt: cursorOf(column) })
    .from(anomalies)
    .leftJoin(agents, eq(agents.id, anomalies.agentId))
    .leftJoin(sites, eq(sites.id, anomalies.siteId))
    .leftJoin(tasks, eq(tasks.id, anomalies.taskId))
    .where(and(...anomalyListConditions(tenantId, query), afterCursor(column, anomalies.id, cursor, true)))
    .orderBy(sql`${column} desc`, sql`${anomalies.id} desc`)
    .limit(limit);
}

export async function countAnomalyExport(db: Db, tenantId: string, query: AnomalyListQuery, cap?: number) {
  return countCapped(db, and(...anomalyListConditions(tenantId, query))!, anomalies, cap);
}

type CountedTable = typeof clockEvents | typeof onssRegistrations | typeof anomalies;

/** The count of matching rows, stopping past `cap` when given (a direct download's limit). */
async function countCapped(db: Db, where: SQL, table: CountedTable, cap?: number): Promise<number> {
  if (cap === undefined) {
    const [row] = await db.select({ n: count() }).from(table).where(where);
    return row?.n ?? 0;
  }
  const capped = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  return row?.n ?? 0;
}

/** One work session as the payroll export reads it: a manager's corrections applied. */
export interface PayrollSessionRow {
  agent_id: string;
  niss: string | null;
  agent_type: string;
  identifier: string;
  first_name: string;
  last_name: string;
  day: string;
  site_id: string;
  site_name: string;
  cost_centre: string | null;
  declaration_number: string | null;
  /** Epoch seconds (both drivers agree on numbers, not on timestamps in raw queries). */
  started: number;
  ended: number | null;
  worked: number;
  break_seconds: number;
  corrected: boolean;
}

/**
 * The work sessions of a period for the next `agentLimit` agents (by id) after `afterAgentId`:
 * a keyset on agents, so that a page always holds whole agents and their whole month.
 */
export async function payrollSessionPage(
  db: Db,
  tenantId: string,
  filter: { from: string; to: string; siteId?: string; agentId?: string },
  afterAgentId: string | null,
  agentLimit: number,
): Promise<PayrollSessionRow[]> {
  const narrow = sql.join(
    [
      filter.siteId ? sql`and ws.site_id = ${filter.siteId}` : sql``,
      filter.agentId ? sql`and ws.agent_id = ${filter.agentId}` : sql``,
    ],
    sql` `,
  );
  const result = await db.execute(sql`
    with page as (
      select distinct ws.agent_id from work_sessions ws
      where ws.tenant_id = ${tenantId}
        and ws.work_date between ${filter.from}::date and ${filter.to}::date ${narrow}
        ${afterAgentId ? sql`and ws.agent_id > ${afterAgentId}::uuid` : sql``}
      order by ws.agent_id
      limit ${agentLimit}
    )
    select ws.agent_id, ag.niss, ag.agent_type, ag.identifier, ag.first_name, ag.last_name,
      ws.work_date::text as day, ws.site_id, s.name as site_name, s.cost_centre,
      s.work_declaration_number as declaration_number,
      extract(epoch from coalesce(ws.corrected_started_at, ws.started_at))::float8 as started,
      extract(epoch from coalesce(ws.corrected_ended_at, ws.ended_at))::float8 as ended,
      coalesce(ws.corrected_worked_seconds, ws.worked_seconds) as worked,
      coalesce(ws.corrected_break_seconds, ws.break_seconds) as break_seconds,
      ws.corrected
    from work_sessions ws
    join page p on p.agent_id = ws.agent_id
    join agents ag on ag.tenant_id = ws.tenant_id and ag.id = ws.agent_id
    join sites s on s.tenant_id = ws.tenant_id and s.id = ws.site_id
    where ws.tenant_id = ${tenantId}
      and ws.work_date between ${filter.from}::date and ${filter.to}::date ${narrow}
    order by ws.agent_id, ws.work_date, ws.site_id, ws.started_at`);
  return (result as unknown as { rows: PayrollSessionRow[] }).rows;
}

/** How many (agent, day, site) lines the payroll export of a period has. */
export async function countPayrollLines(
  db: Db,
  tenantId: string,
  filter: { from: string; to: string; siteId?: string; agentId?: string },
): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from (
      select distinct ws.agent_id, ws.work_date, ws.site_id from work_sessions ws
      where ws.tenant_id = ${tenantId}
        and ws.work_date between ${filter.from}::date and ${filter.to}::date
        ${filter.siteId ? sql`and ws.site_id = ${filter.siteId}` : sql``}
        ${filter.agentId ? sql`and ws.agent_id = ${filter.agentId}` : sql``}
    ) lines`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}
