import type { SubcontractorListQuery } from '@ciao/domain';
import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { subcontractors } from '../../db/schema/index.js';

const subcontractorColumns = {
  id: subcontractors.id,
  name: subcontractors.name,
  enterpriseNumber: subcontractors.enterpriseNumber,
  foreignVatNumber: subcontractors.foreignVatNumber,
  contactEmail: subcontractors.contactEmail,
  active: subcontractors.active,
  // Spelled out: Drizzle leaves columns unqualified in a one-table select, which a correlated
  // subquery would then resolve against its own table.
  agentCount: sql<number>`(
    select count(*) from agents
    where agents.tenant_id = subcontractors.tenant_id and agents.subcontractor_id = subcontractors.id
  )`.mapWith(Number),
  createdAt: subcontractors.createdAt,
  updatedAt: subcontractors.updatedAt,
};

export type SubcontractorRow = NonNullable<Awaited<ReturnType<typeof findSubcontractor>>>;

const sortColumns = {
  name: { column: subcontractors.name, caseInsensitive: true },
  createdAt: { column: subcontractors.createdAt, caseInsensitive: false },
} as const;

export async function listSubcontractors(db: Db, tenantId: string, query: SubcontractorListQuery) {
  const conditions: SQL[] = [eq(subcontractors.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    const digits = query.q.replace(/[\s.]/g, '').replace(/^be/i, '');
    const matches = [ilike(subcontractors.name, pattern), ilike(subcontractors.foreignVatNumber, pattern)];
    if (/^\d+$/.test(digits)) matches.push(ilike(subcontractors.enterpriseNumber, containsPattern(digits)));
    conditions.push(or(...matches)!);
  }
  if (query.active !== undefined) conditions.push(eq(subcontractors.active, query.active));
  const where = and(...conditions);
  const sort = sortColumns[query.sort];
  const rows = await db
    .select(subcontractorColumns)
    .from(subcontractors)
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, subcontractors.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(subcontractors).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findSubcontractor(db: Db, tenantId: string, subcontractorId: string) {
  const [row] = await db
    .select(subcontractorColumns)
    .from(subcontractors)
    .where(and(eq(subcontractors.tenantId, tenantId), eq(subcontractors.id, subcontractorId)))
    .limit(1);
  return row;
}

export type SubcontractorValues = Pick<
  typeof subcontractors.$inferInsert,
  'name' | 'enterpriseNumber' | 'foreignVatNumber' | 'contactEmail' | 'active'
>;

export async function insertSubcontractor(db: Db, tenantId: string, values: SubcontractorValues, now: Date) {
  const [row] = await db
    .insert(subcontractors)
    .values({ ...values, tenantId, createdAt: now, updatedAt: now })
    .returning({ id: subcontractors.id });
  if (!row) throw new Error('subcontractor not inserted');
  return row.id;
}

export async function updateSubcontractor(
  db: Db,
  tenantId: string,
  subcontractorId: string,
  changes: Partial<SubcontractorValues>,
  now: Date,
) {
  await db
    .update(subcontractors)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(subcontractors.tenantId, tenantId), eq(subcontractors.id, subcontractorId)));
}
