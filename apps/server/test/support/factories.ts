import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { tenants, webUsers } from '../../src/db/schema/index.js';
import { hashPassword } from '../../src/security/passwords.js';

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

export const testPassword = 'correct horse battery';

let cachedHash: Promise<string> | undefined;
/** argon2 is slow by design: tests share one hash of `testPassword` unless they pass their own. */
export function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(testPassword);
  return cachedHash;
}

export async function createWebUser(
  db: Db,
  tenantId: string,
  overrides: Partial<typeof webUsers.$inferInsert> & { password?: string } = {},
) {
  const { password, ...values } = overrides;
  const login = values.login ?? `user-${randomBytes(3).toString('hex')}`;
  const [user] = await db
    .insert(webUsers)
    .values({
      tenantId,
      login,
      displayName: `User ${login}`,
      role: 'ADMIN',
      passwordHash: password ? await hashPassword(password) : await testPasswordHash(),
      ...values,
    })
    .returning();
  if (!user) throw new Error('user not created');
  return user;
}
