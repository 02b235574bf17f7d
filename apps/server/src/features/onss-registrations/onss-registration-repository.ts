import type { OnssRegistrationListQuery } from '@ciao/domain';
import { onssUnconfirmedStatuses } from '@ciao/domain';
import { and, count, desc, eq, gte, inArray, lte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pageOffset } from '../../db/query-helpers.js';
import { agents, onssRegistrations, sites, webUsers } from '../../db/schema/index.js';

/** A registration is late when ONSS has not confirmed it this long after the registration time. */
export const LATE_AFTER_MS = 5 * 60_000;

export const onssRegistrationColumns = {
  registration: onssRegistrations,
  agentIdentifier: agents.identifier,
  agentFirstName: agents.firstName,
  agentLastName: agents.lastName,
  agentNiss: agents.niss,
  siteName: sites.name,
  siteDeclarationNumber: sites.workDeclarationNumber,
  assigneeName: webUsers.displayName,
};

export type OnssRegistrationRow = NonNullable<Awaited<ReturnType<typeof findOnssRegistration>>>;

function selectOnssRegistrations(db: Db) {
  return db
    .select(onssRegistrationColumns)
    .from(onssRegistrations)
    .innerJoin(agents, eq(agents.id, onssRegistrations.agentId))
    .innerJoin(sites, eq(sites.id, onssRegistrations.siteId))
    .leftJoin(webUsers, eq(webUsers.id, onssRegistrations.followUpAssigneeId));
}

function lateCondition(now: Date, late: boolean): SQL {
  const unconfirmed = [...onssUnconfirmedStatuses];
  const cutoff = new Date(now.getTime() - LATE_AFTER_MS);
  return late
    ? and(inArray(onssRegistrations.status, unconfirmed), lt(onssRegistrations.registrationTime, cutoff))!
    : sql`not (${and(
        inArray(onssRegistrations.status, unconfirmed),
        lt(onssRegistrations.registrationTime, cutoff),
      )})`;
}

/** The WHERE of the list (and of its export): every filter of the query. */
export function onssListConditions(tenantId: string, query: OnssRegistrationListQuery, now: Date): SQL[] {
  const conditions: SQL[] = [eq(onssRegistrations.tenantId, tenantId)];
  if (query.agentId) conditions.push(eq(onssRegistrations.agentId, query.agentId));
  if (query.siteId) conditions.push(eq(onssRegistrations.siteId, query.siteId));
  if (query.from) conditions.push(gte(onssRegistrations.registrationTime, new Date(query.from)));
  if (query.to) conditions.push(lte(onssRegistrations.registrationTime, new Date(query.to)));
  if (query.followUpStatus) conditions.push(eq(onssRegistrations.followUpStatus, query.followUpStatus));
  if (query.late !== undefined) conditions.push(lateCondition(now, query.late));
  if (query.status) conditions.push(eq(onssRegistrations.status, query.status));
  return conditions;
}

/** One page of the company's registrations, newest first, with the count per status. */
export async function listOnssRegistrations(
  db: Db,
  tenantId: string,
  query: OnssRegistrationListQuery,
  now: Date,
) {
  const others = onssListConditions(tenantId, { ...query, status: undefined }, now);
  const conditions = query.status ? [...others, eq(onssRegistrations.status, query.status)] : others;
  const where = and(...conditions);
  const rows = await selectOnssRegistrations(db)
    .where(where)
    .orderBy(desc(onssRegistrations.registrationTime), desc(onssRegistrations.id))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(onssRegistrations).where(where);
  // The counts ignore the status filter, so that the status tabs show what each would list.
  const perStatus = await db
    .select({ status: onssRegistrations.status, n: count() })
    .from(onssRegistrations)
    .where(and(...others))
    .groupBy(onssRegistrations.status);
  const counts = Object.fromEntries(perStatus.map((row) => [row.status, row.n]));
  return { rows, total: total?.n ?? 0, counts };
}

export async function findOnssRegistration(db: Db, tenantId: string, id: string) {
  const [row] = await selectOnssRegistrations(db)
    .where(and(eq(onssRegistrations.tenantId, tenantId), eq(onssRegistrations.id, id)))
    .limit(1);
  return row;
}

/** The company's registrations among `ids` (others are missing from the answer). */
export async function findOnssRegistrations(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return selectOnssRegistrations(db).where(
    and(eq(onssRegistrations.tenantId, tenantId), inArray(onssRegistrations.id, [...ids])),
  );
}

/** Locks the company's registrations among `ids` for a change (the outbox worker's never cross). */
export async function lockOnssRegistrations(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(onssRegistrations)
    .where(and(eq(onssRegistrations.tenantId, tenantId), inArray(onssRegistrations.id, [...ids])))
    .for('update');
}

export async function updateOnssRegistrations(
  db: Db,
  tenantId: string,
  ids: readonly string[],
  changes: Partial<typeof onssRegistrations.$inferInsert>,
) {
  if (ids.length === 0) return;
  await db
    .update(onssRegistrations)
    .set(changes)
    .where(and(eq(onssRegistrations.tenantId, tenantId), inArray(onssRegistrations.id, [...ids])));
}

/** Whether the web user belongs to the company (a follow-up assignee). */
export async function webUserOfTenant(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: webUsers.id })
    .from(webUsers)
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.id, userId)))
    .limit(1);
  return row !== undefined;
}

/**
 * The company's registrations counted per (status, follow-up status), with how many of each are
 * late, in one grouped statement: the tracking screen's counts add these few rows up.
 */
export async function countOnssRegistrations(
  db: Db,
  tenantId: string,
  period: { from?: string; to?: string },
  now: Date,
) {
  const conditions: SQL[] = [eq(onssRegistrations.tenantId, tenantId)];
  if (period.from) conditions.push(gte(onssRegistrations.registrationTime, new Date(period.from)));
  if (period.to) conditions.push(lte(onssRegistrations.registrationTime, new Date(period.to)));
  return db
    .select({
      status: onssRegistrations.status,
      followUpStatus: onssRegistrations.followUpStatus,
      n: count(),
      late: sql<number>`count(*) filter (where ${lateCondition(now, true)})`.mapWith(Number),
    })
    .from(onssRegistrations)
    .where(and(...conditions))
    .groupBy(onssRegistrations.status, onssRegistrations.followUpStatus);
}
