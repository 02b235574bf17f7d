import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../db/schema/index.js';

/** Company codes are matched case-insensitively: `test@demo` and `TEST@DEMO` are the same login. */
export async function findTenantByCode(db: Db, code: string) {
  const [tenant] = await db
    .select()
    .from(tenants)
    .where(eq(sql`upper(${tenants.code})`, code.trim().toUpperCase()))
    .limit(1);
  return tenant;
}
