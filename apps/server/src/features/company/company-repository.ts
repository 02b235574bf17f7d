import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../db/schema/index.js';

export async function findCompany(db: Db, tenantId: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row;
}

export type CompanyRow = NonNullable<Awaited<ReturnType<typeof findCompany>>>;

export type CompanyChanges = Partial<
  Pick<
    typeof tenants.$inferInsert,
    'name' | 'enterpriseNumber' | 'onssEmployerNumber' | 'timeZone' | 'defaultLanguage' | 'settings'
  >
>;

/** The company code and status are not among the changes: they are not the company's to edit. */
export async function updateCompany(db: Db, tenantId: string, changes: CompanyChanges, now: Date) {
  await db
    .update(tenants)
    .set({ ...changes, updatedAt: now })
    .where(eq(tenants.id, tenantId));
}
