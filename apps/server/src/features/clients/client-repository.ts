import type { ClientListQuery } from '@ciao/domain';
import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { clients } from '../../db/schema/index.js';

const clientColumns = {
  id: clients.id,
  name: clients.name,
  reference: clients.reference,
  enterpriseNumber: clients.enterpriseNumber,
  vatNumber: clients.vatNumber,
  contactName: clients.contactName,
  contactEmail: clients.contactEmail,
  contactPhone: clients.contactPhone,
  street: clients.street,
  houseNumber: clients.houseNumber,
  boxNumber: clients.boxNumber,
  postCode: clients.postCode,
  municipality: clients.municipality,
  country: clients.country,
  active: clients.active,
  // Spelled out: Drizzle leaves columns unqualified in a one-table select.
  siteCount: sql<number>`(
    select count(*) from sites where sites.tenant_id = clients.tenant_id and sites.client_id = clients.id
  )`.mapWith(Number),
  createdAt: clients.createdAt,
  updatedAt: clients.updatedAt,
};

export type ClientRow = NonNullable<Awaited<ReturnType<typeof findClient>>>;

const sortColumns = {
  name: { column: clients.name, caseInsensitive: true },
  reference: { column: clients.reference, caseInsensitive: true },
  createdAt: { column: clients.createdAt, caseInsensitive: false },
} as const;

export async function listClients(db: Db, tenantId: string, query: ClientListQuery) {
  const conditions: SQL[] = [eq(clients.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    const matches = [
      ilike(clients.name, pattern),
      ilike(clients.reference, pattern),
      ilike(clients.municipality, pattern),
      ilike(clients.vatNumber, pattern),
    ];
    const digits = query.q.replace(/[\s.]/g, '').replace(/^be/i, '');
    if (/^\d+$/.test(digits)) matches.push(ilike(clients.enterpriseNumber, containsPattern(digits)));
    conditions.push(or(...matches)!);
  }
  if (query.active !== undefined) conditions.push(eq(clients.active, query.active));
  const where = and(...conditions);
  const sort = sortColumns[query.sort];
  const rows = await db
    .select(clientColumns)
    .from(clients)
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, clients.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(clients).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findClient(db: Db, tenantId: string, clientId: string) {
  const [row] = await db
    .select(clientColumns)
    .from(clients)
    .where(and(eq(clients.tenantId, tenantId), eq(clients.id, clientId)))
    .limit(1);
  return row;
}

export type ClientValues = Omit<typeof clients.$inferInsert, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

// Rows per statement: about fifteen columns each stays far below PostgreSQL's 65,535 parameters.
const CLIENT_ROWS_PER_STATEMENT = 1000;

/** Inserts clients with the ids given, in few statements (an import). */
export async function insertClients(
  db: Db,
  tenantId: string,
  values: readonly (ClientValues & { id: string })[],
  now: Date,
) {
  for (let start = 0; start < values.length; start += CLIENT_ROWS_PER_STATEMENT)
    await db
      .insert(clients)
      .values(
        values
          .slice(start, start + CLIENT_ROWS_PER_STATEMENT)
          .map((client) => ({ ...client, tenantId, createdAt: now, updatedAt: now })),
      );
}

/** Several clients of the company by id, in no particular order. */
export async function findClients(db: Db, tenantId: string, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db
    .select(clientColumns)
    .from(clients)
    .where(and(eq(clients.tenantId, tenantId), inArray(clients.id, [...clientIds])));
}

export async function updateClient(
  db: Db,
  tenantId: string,
  clientId: string,
  changes: Partial<ClientValues>,
  now: Date,
) {
  await db
    .update(clients)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(clients.tenantId, tenantId), eq(clients.id, clientId)));
}
