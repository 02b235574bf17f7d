import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants, webUsers } from '../../db/schema/index.js';

/** A user of a company by the login typed at sign-in (case-insensitive), with the company. */
export async function findUserForSignIn(db: Db, companyCode: string, login: string) {
  const [row] = await db
    .select({ user: webUsers, tenant: tenants })
    .from(webUsers)
    .innerJoin(tenants, eq(tenants.id, webUsers.tenantId))
    .where(
      and(
        eq(sql`upper(${tenants.code})`, companyCode.toUpperCase()),
        eq(sql`lower(${webUsers.login})`, login.toLowerCase()),
      ),
    )
    .limit(1);
  return row;
}

export async function findUserWithTenant(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select({ user: webUsers, tenant: tenants })
    .from(webUsers)
    .innerJoin(tenants, eq(tenants.id, webUsers.tenantId))
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.id, userId)))
    .limit(1);
  return row;
}

export async function updateUserSignInState(
  db: Db,
  userId: string,
  changes: Partial<
    Pick<
      typeof webUsers.$inferInsert,
      'passwordHash' | 'lastLoginAt' | 'failedLoginCount' | 'recoveryCodeHashes' | 'updatedAt'
    >
  >,
) {
  await db.update(webUsers).set(changes).where(eq(webUsers.id, userId));
}
