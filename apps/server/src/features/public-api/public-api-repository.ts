import { and, asc, eq, gte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  agents,
  anomalies,
  clients,
  clockEvents,
  onssRegistrations,
  sites,
  tasks,
  workSessions,
} from '../../db/schema/index.js';

/** A list of the public API: its table and the instant that orders its changes. */
interface SyncSource {
  table: PgTable;
  tenantId: PgColumn;
  id: PgColumn;
  changedAt: PgColumn;
}

/** The lists of the public API. Registrations are never changed: they sync on their reception. */
export const syncSources = {
  agents: { table: agents, tenantId: agents.tenantId, id: agents.id, changedAt: agents.updatedAt },
  clients: { table: clients, tenantId: clients.tenantId, id: clients.id, changedAt: clients.updatedAt },
  sites: { table: sites, tenantId: sites.tenantId, id: sites.id, changedAt: sites.updatedAt },
  tasks: { table: tasks, tenantId: tasks.tenantId, id: tasks.id, changedAt: tasks.updatedAt },
  registrations: {
    table: clockEvents,
    tenantId: clockEvents.tenantId,
    id: clockEvents.id,
    changedAt: clockEvents.receivedAt,
  },
  workSessions: {
    table: workSessions,
    tenantId: workSessions.tenantId,
    id: workSessions.id,
    changedAt: workSessions.updatedAt,
  },
  onssStatuses: {
    table: onssRegistrations,
    tenantId: onssRegistrations.tenantId,
    id: onssRegistrations.id,
    changedAt: onssRegistrations.updatedAt,
  },
  anomalies: {
    table: anomalies,
    tenantId: anomalies.tenantId,
    id: anomalies.id,
    changedAt: anomalies.updatedAt,
  },
} satisfies Record<string, SyncSource>;

export type SyncList = keyof typeof syncSources;

type RowOf<List extends SyncList> = (typeof syncSources)[List]['table']['$inferSelect'];

export interface ChangedRowsQuery {
  tenantId: string;
  since: Date | null;
  after: { micros: string; id: string } | null;
  limit: number;
}

/**
 * One page of a list in change order (changed-at, then id), from a position: a keyset read, so a
 * page costs the same at the start and at the millionth row, and a row that changes during a run
 * moves to the end instead of shifting the pages. The position is kept in microseconds, PostgreSQL's
 * precision: a JavaScript date would round it and repeat or skip rows stamped within a millisecond.
 */
export async function listChangedRows<List extends SyncList>(
  db: Db,
  list: List,
  query: ChangedRowsQuery,
): Promise<{ row: RowOf<List>; micros: string }[]> {
  const source: SyncSource = syncSources[list];
  const conditions: SQL[] = [eq(source.tenantId, query.tenantId)];
  if (query.since) conditions.push(gte(source.changedAt, query.since));
  if (query.after) {
    conditions.push(
      sql`(${source.changedAt}, ${source.id}) > (timestamptz 'epoch' + ${query.after.micros}::bigint * interval '1 microsecond', ${query.after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      row: source.table,
      micros: sql<string>`(extract(epoch from ${source.changedAt}) * 1000000)::bigint::text`,
    } as never)
    .from(source.table)
    .where(and(...conditions))
    .orderBy(asc(source.changedAt), asc(source.id))
    .limit(query.limit);
  return rows as unknown as { row: RowOf<List>; micros: string }[];
}

/** One row of a read-only list by id, in the caller's company. */
export async function findRow<List extends SyncList>(
  db: Db,
  list: List,
  tenantId: string,
  id: string,
): Promise<RowOf<List> | undefined> {
  const source: SyncSource = syncSources[list];
  const [row] = await db
    .select()
    .from(source.table)
    .where(and(eq(source.tenantId, tenantId), eq(source.id, id)))
    .limit(1);
  return row as RowOf<List> | undefined;
}
