import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licenceRequests, licences, tenants, webUsers } from '../../db/schema/index.js';

const requestColumns = {
  id: licenceRequests.id,
  tenantId: licenceRequests.tenantId,
  message: licenceRequests.message,
  requestedMaxDevices: licenceRequests.requestedMaxDevices,
  status: licenceRequests.status,
  answer: licenceRequests.answer,
  answeredAt: licenceRequests.answeredAt,
  createdAt: licenceRequests.createdAt,
};

export type LicenceRequestRow = {
  request: {
    id: string;
    tenantId: string;
    message: string | null;
    requestedMaxDevices: number | null;
    status: string;
    answer: string | null;
    answeredAt: Date | null;
    createdAt: Date;
  };
  licence: { id: string; codeHint: string } | null;
  requestedBy: { id: string; displayName: string } | null;
  tenant: { id: string; code: string; name: string };
};

function selectRequests(db: Db) {
  return db
    .select({
      request: requestColumns,
      licence: { id: licences.id, codeHint: licences.codeHint },
      requestedBy: { id: webUsers.id, displayName: webUsers.displayName },
      tenant: { id: tenants.id, code: tenants.code, name: tenants.name },
    })
    .from(licenceRequests)
    .innerJoin(tenants, eq(tenants.id, licenceRequests.tenantId))
    .leftJoin(licences, eq(licences.id, licenceRequests.licenceId))
    .leftJoin(
      webUsers,
      and(
        eq(webUsers.tenantId, licenceRequests.tenantId),
        eq(webUsers.id, licenceRequests.requestedByUserId),
      ),
    );
}

/** A company's requests, newest first. */
export async function listTenantLicenceRequests(db: Db, tenantId: string): Promise<LicenceRequestRow[]> {
  return selectRequests(db)
    .where(eq(licenceRequests.tenantId, tenantId))
    .orderBy(desc(licenceRequests.createdAt), desc(licenceRequests.id));
}

/**
 * Every company's requests for the operator: the open ones first (oldest first, as a queue), then
 * the answered ones, newest first.
 */
export async function listAllLicenceRequests(
  db: Db,
  status: 'open' | 'answered' | 'refused' | undefined,
): Promise<LicenceRequestRow[]> {
  const where: SQL | undefined = status ? eq(licenceRequests.status, status) : undefined;
  return selectRequests(db)
    .where(where)
    .orderBy(
      sql`case when ${licenceRequests.status} = 'open' then 0 else 1 end`,
      sql`case when ${licenceRequests.status} = 'open' then ${licenceRequests.createdAt} end asc`,
      desc(licenceRequests.createdAt),
    )
    .limit(500);
}

export async function findLicenceRequest(db: Db, requestId: string): Promise<LicenceRequestRow | undefined> {
  const [row] = await selectRequests(db).where(eq(licenceRequests.id, requestId)).limit(1);
  return row;
}

/** Locks one request until the end of the transaction: two operators never answer it twice. */
export async function lockLicenceRequest(tx: Db, requestId: string) {
  const [row] = await tx
    .select({ status: licenceRequests.status, tenantId: licenceRequests.tenantId })
    .from(licenceRequests)
    .where(eq(licenceRequests.id, requestId))
    .for('update');
  return row;
}

export async function insertLicenceRequest(
  db: Db,
  values: { tenantId: string; userId: string; reason: string; maxDevices: number; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(licenceRequests)
    .values({
      tenantId: values.tenantId,
      requestedByUserId: values.userId,
      message: values.reason,
      requestedMaxDevices: values.maxDevices,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning({ id: licenceRequests.id });
  if (!row) throw new Error('licence request not inserted');
  return row.id;
}

export async function markLicenceRequestAnswered(
  db: Db,
  requestId: string,
  values: {
    status: 'answered' | 'refused';
    answer: string | null;
    answeredBy: string;
    licenceId: string | null;
    now: Date;
  },
) {
  await db
    .update(licenceRequests)
    .set({
      status: values.status,
      answer: values.answer,
      answeredBy: values.answeredBy,
      licenceId: values.licenceId,
      answeredAt: values.now,
      updatedAt: values.now,
    })
    .where(and(eq(licenceRequests.id, requestId), eq(licenceRequests.status, 'open')));
}

/** How many requests a company has open: a company may not flood the operator's queue. */
export async function countOpenLicenceRequests(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(licenceRequests)
    .where(and(eq(licenceRequests.tenantId, tenantId), eq(licenceRequests.status, 'open')));
  return Number(row?.n ?? 0);
}
