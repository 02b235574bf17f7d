import type { AnomalyListQuery, AnomalyType } from '@ciao/domain';
import { and, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { insertRowsAsJson } from '../../db/insert-rows-as-json.js';
import { pageOffset, rowsOf } from '../../db/query-helpers.js';
import { agents, anomalies, auditLog, sites, tasks } from '../../db/schema/index.js';

export type NewAnomaly = Omit<typeof anomalies.$inferInsert, 'id' | 'status'>;

// Multi-row statements stay well below the 65,535 bind parameters of the PostgreSQL protocol.
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

/**
 * Opens anomalies, skipping any whose cause already has an unresolved one (the partial unique index
 * `anomalies_open_cause_key`). Returns how many were opened.
 */
/** The insert of `insertAnomalies` (a reopened cause is skipped), not run, for a larger statement. */
/**
 * Opens anomalies, skipping those already open (or acknowledged) with the same dedupe key: the
 * statement itself, to be part of a larger write (a registration's).
 */
export function insertAnomaliesQuery(rows: readonly NewAnomaly[]): SQL {
  // One shape for every rule's rows (a no-show has no session, a missed departure no registration):
  // a JSON insert takes the columns of all rows or refuses.
  const complete = rows.map((row) => ({
    ...row,
    status: 'open',
    agentId: row.agentId ?? null,
    siteId: row.siteId ?? null,
    taskId: row.taskId ?? null,
    workSessionId: row.workSessionId ?? null,
    clockEventId: row.clockEventId ?? null,
    onssRegistrationId: row.onssRegistrationId ?? null,
    details: row.details ?? {},
  }));
  return sql`${insertRowsAsJson(anomalies, complete)} on conflict (tenant_id, dedupe_key) where status <> 'resolved' do nothing`;
}

export async function insertAnomalies(db: Db, rows: readonly NewAnomaly[]): Promise<number> {
  let opened = 0;
  // As one JSON document per chunk, not a bound parameter per cell: a scan may open thousands at
  // once (a company whose ONSS connection broke), and building 14 parameters a row was most of it.
  for (const part of chunks(rows)) {
    opened += (await rowsOf<{ id: string }>(db, sql`${insertAnomaliesQuery(part)} returning id`)).length;
  }
  return opened;
}

/**
 * Which of these causes already have an anomaly, whatever its status: a cause a manager resolved is
 * not reopened. `since` bounds the search to anomalies opened after it (an anomaly is opened after
 * its cause began), so that it reads an index range instead of the company's whole history; `type`
 * reads one rare type through the status index instead.
 */
export async function findKnownCauses(
  db: Db,
  tenantId: string,
  keys: readonly string[],
  bound: { since: Date } | { type: AnomalyType },
): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(keys, 1000)) {
    const conditions: SQL[] = [eq(anomalies.tenantId, tenantId), inArray(anomalies.dedupeKey, part)];
    if ('since' in bound) conditions.push(gte(anomalies.openedAt, bound.since));
    else
      conditions.push(
        inArray(anomalies.status, ['open', 'acknowledged', 'resolved']),
        eq(anomalies.type, bound.type),
      );
    const rows = await db
      .select({ key: anomalies.dedupeKey })
      .from(anomalies)
      .where(and(...conditions));
    for (const row of rows) known.add(row.key);
  }
  return known;
}

/** The unresolved anomalies of the types the scan may close by itself. */
export async function findUnresolvedAnomalies(db: Db, tenantId: string, types: readonly AnomalyType[]) {
  return db
    .select({
      id: anomalies.id,
      type: anomalies.type,
      status: anomalies.status,
      agentId: anomalies.agentId,
      taskId: anomalies.taskId,
      workSessionId: anomalies.workSessionId,
      onssRegistrationId: anomalies.onssRegistrationId,
      details: anomalies.details,
    })
    .from(anomalies)
    .where(
      and(
        eq(anomalies.tenantId, tenantId),
        inArray(anomalies.status, ['open', 'acknowledged']),
        inArray(anomalies.type, [...types]),
      ),
    );
}

/**
 * Resolves anomalies whose cause disappeared, with an audit row each (actor: the system). Those a
 * manager resolved in the meantime are left as they are. Returns the ids resolved.
 */
export async function resolveAutomatically(db: Db, tenantId: string, ids: readonly string[], now: Date) {
  const resolved: { id: string; type: string; status: string }[] = [];
  for (const part of chunks(ids)) {
    await db.transaction(async (tx) => {
      const before = await tx
        .select({ id: anomalies.id, type: anomalies.type, status: anomalies.status })
        .from(anomalies)
        .where(
          and(
            eq(anomalies.tenantId, tenantId),
            inArray(anomalies.id, part),
            ne(anomalies.status, 'resolved'),
          ),
        )
        .for('update');
      if (before.length === 0) return;
      await tx
        .update(anomalies)
        .set({ status: 'resolved', resolvedAt: now, resolvedAutomatically: true, updatedAt: now })
        .where(
          and(
            eq(anomalies.tenantId, tenantId),
            inArray(
              anomalies.id,
              before.map((row) => row.id),
            ),
          ),
        );
      await tx.insert(auditLog).values(
        before.map((row) => ({
          tenantId,
          actorType: 'system',
          action: 'anomaly.resolved_automatically',
          entityType: 'anomaly',
          entityId: row.id,
          before: { status: row.status },
          after: { status: 'resolved', resolvedAutomatically: true, resolvedAt: now.toISOString() },
        })),
      );
      resolved.push(...before);
    });
  }
  return resolved;
}

export const anomalyColumns = {
  anomaly: anomalies,
  agentFirstName: agents.firstName,
  agentLastName: agents.lastName,
  siteName: sites.name,
  taskName: tasks.name,
};

export type AnomalyRow = NonNullable<Awaited<ReturnType<typeof findAnomaly>>>;

function selectAnomalies(db: Db) {
  return db
    .select(anomalyColumns)
    .from(anomalies)
    .leftJoin(agents, eq(agents.id, anomalies.agentId))
    .leftJoin(sites, eq(sites.id, anomalies.siteId))
    .leftJoin(tasks, eq(tasks.id, anomalies.taskId));
}

/** One anomaly of the company with the names of its agent, site and task. */
export async function findAnomaly(db: Db, tenantId: string, id: string) {
  const [row] = await selectAnomalies(db)
    .where(and(eq(anomalies.tenantId, tenantId), eq(anomalies.id, id)))
    .limit(1);
  return row;
}

/** Locks one anomaly of the company for a change (a manager's and the scan's never cross). */
export async function lockAnomaly(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(anomalies)
    .where(and(eq(anomalies.tenantId, tenantId), eq(anomalies.id, id)))
    .for('update');
  return row;
}

export async function updateAnomaly(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<typeof anomalies.$inferInsert>,
) {
  await db
    .update(anomalies)
    .set(changes)
    .where(and(eq(anomalies.tenantId, tenantId), eq(anomalies.id, id)));
}

/** The WHERE of the anomaly list (and of its export). */
export function anomalyListConditions(tenantId: string, query: AnomalyListQuery): SQL[] {
  const conditions: SQL[] = [eq(anomalies.tenantId, tenantId)];
  if (query.status) conditions.push(eq(anomalies.status, query.status));
  if (query.type) conditions.push(eq(anomalies.type, query.type));
  if (query.agentId) conditions.push(eq(anomalies.agentId, query.agentId));
  if (query.siteId) conditions.push(eq(anomalies.siteId, query.siteId));
  if (query.from) conditions.push(gte(anomalies.openedAt, new Date(query.from)));
  if (query.to) conditions.push(lte(anomalies.openedAt, new Date(query.to)));
  return conditions;
}

/** One page of the company's anomalies, newest first. */
export async function listAnomalies(db: Db, tenantId: string, query: AnomalyListQuery) {
  const where = and(...anomalyListConditions(tenantId, query));
  const rows = await selectAnomalies(db)
    .where(where)
    .orderBy(desc(anomalies.openedAt), desc(anomalies.id))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(anomalies).where(where);
  return { rows, total: total?.n ?? 0 };
}
