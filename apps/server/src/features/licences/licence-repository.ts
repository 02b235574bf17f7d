import type { LicenceListQuery } from '@ciao/domain';
import { and, count, eq, gt, ilike, inArray, isNotNull, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { devices, licences, tenants } from '../../db/schema/index.js';

/** What may leave the database about a licence: never its code hash. */
const licenceColumns = {
  id: licences.id,
  codeHint: licences.codeHint,
  label: licences.label,
  maxDevices: licences.maxDevices,
  expiresAt: licences.expiresAt,
  revokedAt: licences.revokedAt,
  createdAt: licences.createdAt,
};

export type LicenceRow = {
  id: string;
  codeHint: string;
  label: string | null;
  maxDevices: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

/** The licence of a typed code (by its hash), with its company; any company, since the code says which. */
export async function findLicenceByCodeHash(db: Db, codeHash: string) {
  const [row] = await db
    .select({
      licence: licenceColumns,
      tenant: { id: tenants.id, code: tenants.code, name: tenants.name, status: tenants.status },
    })
    .from(licences)
    .innerJoin(tenants, eq(tenants.id, licences.tenantId))
    .where(eq(licences.codeHash, codeHash))
    .limit(1);
  return row;
}

/** Locks a licence row until the end of the transaction: activations of one licence are serialised. */
export async function lockLicence(tx: Db, licenceId: string): Promise<void> {
  await tx.select({ id: licences.id }).from(licences).where(eq(licences.id, licenceId)).for('update');
}

/** Devices of a licence that are not revoked, leaving one out (the device being re-activated). */
export async function countActiveDevices(
  db: Db,
  licenceId: string,
  exceptDeviceId?: string,
): Promise<number> {
  const conditions: SQL[] = [eq(devices.licenceId, licenceId), isNull(devices.revokedAt)];
  if (exceptDeviceId) conditions.push(ne(devices.id, exceptDeviceId));
  const [row] = await db
    .select({ n: count() })
    .from(devices)
    .where(and(...conditions));
  return row?.n ?? 0;
}

async function activeDeviceCounts(db: Db, licenceIds: string[]): Promise<Map<string, number>> {
  if (licenceIds.length === 0) return new Map();
  const rows = await db
    .select({ licenceId: devices.licenceId, n: count() })
    .from(devices)
    .where(and(inArray(devices.licenceId, licenceIds), isNull(devices.revokedAt)))
    .groupBy(devices.licenceId);
  return new Map(rows.map((row) => [row.licenceId, row.n]));
}

const licenceSortColumns = {
  createdAt: { column: licences.createdAt, caseInsensitive: false },
  label: { column: licences.label, caseInsensitive: true },
  expiresAt: { column: licences.expiresAt, caseInsensitive: false },
  maxDevices: { column: licences.maxDevices, caseInsensitive: false },
} as const;

/** The SQL of a licence status at `now`, as `licenceStatusAt` decides it (revoked wins over expired). */
function licenceStatusCondition(status: LicenceListQuery['status'], now: Date): SQL | undefined {
  if (status === 'revoked') return isNotNull(licences.revokedAt);
  if (status === 'expired') return and(isNull(licences.revokedAt), lte(licences.expiresAt, now));
  if (status === 'active')
    return and(isNull(licences.revokedAt), or(isNull(licences.expiresAt), gt(licences.expiresAt, now)));
  return undefined;
}

/** One page of a company's licences, each with its number of active devices. */
export async function listLicences(db: Db, tenantId: string, query: LicenceListQuery, now: Date) {
  const conditions: (SQL | undefined)[] = [eq(licences.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(or(ilike(licences.label, pattern), ilike(licences.codeHint, pattern)));
  }
  conditions.push(licenceStatusCondition(query.status, now));
  const where = and(...conditions);
  const sort = licenceSortColumns[query.sort];
  const rows = await db
    .select(licenceColumns)
    .from(licences)
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, licences.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(licences).where(where);
  const counts = await activeDeviceCounts(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((licence) => ({ licence, activeDevices: counts.get(licence.id) ?? 0 })),
    total: total?.n ?? 0,
  };
}

/** One licence of the company with its number of active devices, or undefined (also for another company's). */
export async function findLicence(db: Db, tenantId: string, licenceId: string) {
  const [licence] = await db
    .select(licenceColumns)
    .from(licences)
    .where(and(eq(licences.tenantId, tenantId), eq(licences.id, licenceId)))
    .limit(1);
  if (!licence) return undefined;
  return { licence, activeDevices: await countActiveDevices(db, licence.id) };
}

export async function insertLicence(
  db: Db,
  values: {
    tenantId: string;
    codeHash: string;
    codeHint: string;
    label: string | null;
    maxDevices: number;
    expiresAt: Date | null;
    now: Date;
  },
): Promise<LicenceRow> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(licences)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning(licenceColumns);
  if (!row) throw new Error('licence not inserted');
  return row;
}

export async function markLicenceRevoked(db: Db, tenantId: string, licenceId: string, now: Date) {
  await db
    .update(licences)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(licences.tenantId, tenantId), eq(licences.id, licenceId), isNull(licences.revokedAt)));
}
