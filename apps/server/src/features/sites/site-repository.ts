import type { SiteListQuery } from '@ciao/domain';
import { and, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { clients, sites } from '../../db/schema/index.js';

const siteColumns = {
  id: sites.id,
  clientId: sites.clientId,
  clientName: clients.name,
  name: sites.name,
  street: sites.street,
  houseNumber: sites.houseNumber,
  boxNumber: sites.boxNumber,
  postCode: sites.postCode,
  municipality: sites.municipality,
  country: sites.country,
  latitude: sites.latitude,
  longitude: sites.longitude,
  geofenceRadiusMeters: sites.geofenceRadiusMeters,
  workDeclarationNumber: sites.workDeclarationNumber,
  subjectToOnss: sites.subjectToOnss,
  costCentre: sites.costCentre,
  active: sites.active,
  createdAt: sites.createdAt,
  updatedAt: sites.updatedAt,
};

function selectSites(db: Db) {
  return db
    .select(siteColumns)
    .from(sites)
    .innerJoin(clients, and(eq(clients.id, sites.clientId), eq(clients.tenantId, sites.tenantId)));
}

export type SiteRow = NonNullable<Awaited<ReturnType<typeof findSite>>>;

const sortColumns = {
  name: { column: sites.name, caseInsensitive: true },
  createdAt: { column: sites.createdAt, caseInsensitive: false },
} as const;

export async function listSites(db: Db, tenantId: string, query: SiteListQuery) {
  const conditions: SQL[] = [eq(sites.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(
        ilike(sites.name, pattern),
        ilike(sites.street, pattern),
        ilike(sites.municipality, pattern),
        ilike(sites.postCode, pattern),
        ilike(sites.workDeclarationNumber, pattern),
        ilike(sites.costCentre, pattern),
        ilike(clients.name, pattern),
      )!,
    );
  }
  if (query.clientId) conditions.push(eq(sites.clientId, query.clientId));
  if (query.active !== undefined) conditions.push(eq(sites.active, query.active));
  const where = and(...conditions);
  const sort = sortColumns[query.sort];
  const rows = await selectSites(db)
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, sites.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db
    .select({ n: count() })
    .from(sites)
    .innerJoin(clients, and(eq(clients.id, sites.clientId), eq(clients.tenantId, sites.tenantId)))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findSite(db: Db, tenantId: string, siteId: string) {
  const [row] = await selectSites(db)
    .where(and(eq(sites.tenantId, tenantId), eq(sites.id, siteId)))
    .limit(1);
  return row;
}

export type SiteValues = Omit<typeof sites.$inferInsert, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

// Rows per statement: about fifteen columns each stays far below PostgreSQL's 65,535 parameters.
const SITE_ROWS_PER_STATEMENT = 1000;

/** Inserts sites with the ids given, in few statements (an import). */
export async function insertSites(
  db: Db,
  tenantId: string,
  values: readonly (SiteValues & { id: string })[],
  now: Date,
) {
  for (let start = 0; start < values.length; start += SITE_ROWS_PER_STATEMENT)
    await db
      .insert(sites)
      .values(
        values
          .slice(start, start + SITE_ROWS_PER_STATEMENT)
          .map((site) => ({ ...site, tenantId, createdAt: now, updatedAt: now })),
      );
}

/** Several sites of the company by id, in no particular order. */
export async function findSites(db: Db, tenantId: string, siteIds: readonly string[]) {
  if (siteIds.length === 0) return [];
  return selectSites(db).where(and(eq(sites.tenantId, tenantId), inArray(sites.id, [...siteIds])));
}

export async function updateSite(
  db: Db,
  tenantId: string,
  siteId: string,
  changes: Partial<SiteValues>,
  now: Date,
) {
  await db
    .update(sites)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(sites.tenantId, tenantId), eq(sites.id, siteId)));
}
