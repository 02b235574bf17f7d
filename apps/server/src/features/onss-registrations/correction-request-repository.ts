import { and, asc, count, desc, eq, like, min } from 'drizzle-orm';
import type { CorrectionRequestListQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { pageOffset } from '../../db/query-helpers.js';
import {
  correctionRequestItems,
  correctionRequests,
  onssRegistrations,
  tenants,
} from '../../db/schema/index.js';
import { findOnssRegistrations } from './onss-registration-repository.js';

const summaryColumns = {
  request: correctionRequests,
  itemCount: count(correctionRequestItems.id),
  firstDeadline: min(correctionRequestItems.deadline),
};

/** Requests with their item count and earliest deadline (grouped by the request's key). */
function selectSummaries(db: Db) {
  return db
    .select(summaryColumns)
    .from(correctionRequests)
    .leftJoin(correctionRequestItems, eq(correctionRequestItems.correctionRequestId, correctionRequests.id))
    .groupBy(correctionRequests.id)
    .$dynamic();
}

export type CorrectionRequestSummaryRow = Awaited<ReturnType<typeof listCorrectionRequests>>['rows'][number];

/** One page of the company's correction requests, newest first. */
export async function listCorrectionRequests(db: Db, tenantId: string, query: CorrectionRequestListQuery) {
  const where = eq(correctionRequests.tenantId, tenantId);
  const rows = await selectSummaries(db)
    .where(where)
    .orderBy(desc(correctionRequests.createdAt), desc(correctionRequests.id))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(correctionRequests).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findCorrectionRequest(db: Db, tenantId: string, id: string) {
  const [row] = await selectSummaries(db)
    .where(and(eq(correctionRequests.tenantId, tenantId), eq(correctionRequests.id, id)))
    .limit(1);
  return row;
}

/** The request's items with their registrations, oldest registration first. */
export async function findCorrectionRequestItems(db: Db, tenantId: string, requestId: string) {
  const items = await db
    .select()
    .from(correctionRequestItems)
    .innerJoin(onssRegistrations, eq(onssRegistrations.id, correctionRequestItems.onssRegistrationId))
    .where(
      and(
        eq(correctionRequestItems.tenantId, tenantId),
        eq(correctionRequestItems.correctionRequestId, requestId),
      ),
    )
    .orderBy(asc(onssRegistrations.registrationTime), asc(correctionRequestItems.id));
  const registrations = await findOnssRegistrations(
    db,
    tenantId,
    items.map((item) => item.correction_request_items.onssRegistrationId),
  );
  const byId = new Map(registrations.map((row) => [row.registration.id, row]));
  return items.flatMap((item) => {
    const registration = byId.get(item.correction_request_items.onssRegistrationId);
    return registration ? [{ item: item.correction_request_items, registration }] : [];
  });
}

/** Serialises the company's reference numbering: the tenant row stays locked until commit. */
export async function lockTenantForNumbering(db: Db, tenantId: string) {
  await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
}

/** The next `CR-<year>-NNNN` reference of the company for that year. */
export async function nextCorrectionReference(db: Db, tenantId: string, year: string): Promise<string> {
  const prefix = `CR-${year}-`;
  const rows = await db
    .select({ reference: correctionRequests.reference })
    .from(correctionRequests)
    .where(and(eq(correctionRequests.tenantId, tenantId), like(correctionRequests.reference, `${prefix}%`)));
  const highest = rows.reduce(
    (max, row) => Math.max(max, Number(row.reference.slice(prefix.length)) || 0),
    0,
  );
  return `${prefix}${String(highest + 1).padStart(4, '0')}`;
}

export async function insertCorrectionRequest(db: Db, values: typeof correctionRequests.$inferInsert) {
  const [row] = await db.insert(correctionRequests).values(values).returning({ id: correctionRequests.id });
  if (!row) throw new Error('correction request not inserted');
  return row.id;
}

export async function insertCorrectionRequestItems(
  db: Db,
  values: (typeof correctionRequestItems.$inferInsert)[],
) {
  if (values.length > 0) await db.insert(correctionRequestItems).values(values);
}

export async function lockCorrectionRequest(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(correctionRequests)
    .where(and(eq(correctionRequests.tenantId, tenantId), eq(correctionRequests.id, id)))
    .for('update');
  return row;
}

export async function updateCorrectionRequest(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<typeof correctionRequests.$inferInsert>,
) {
  await db
    .update(correctionRequests)
    .set(changes)
    .where(and(eq(correctionRequests.tenantId, tenantId), eq(correctionRequests.id, id)));
}
