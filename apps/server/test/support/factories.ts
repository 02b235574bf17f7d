import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { tenants } from '../../src/db/schema/index.js';

/** A unique company code per test, so tests never share a tenant. */
export function uniqueCompanyCode(): string {
  return `T${randomBytes(4).toString('hex').toUpperCase()}`;
}

export async function createTenant(db: Db, overrides: Partial<typeof tenants.$inferInsert> = {}) {
  const code = overrides.code ?? uniqueCompanyCode();
  const [tenant] = await db
    .insert(tenants)
    .values({ code, name: `Company ${code}`, enterpriseNumber: '0412345614', ...overrides })
    .returning();
  if (!tenant) throw new Error('tenant not created');
  return tenant;
}
