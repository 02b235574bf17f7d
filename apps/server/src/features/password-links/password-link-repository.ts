import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { passwordTokens, tenants, webUsers } from '../../db/schema/index.js';

export async function insertPasswordToken(
  db: Db,
  values: {
    tenantId: string;
    userId: string;
    purpose: 'invitation' | 'reset';
    tokenHash: string;
    expiresAt: Date;
    now: Date;
  },
) {
  const [row] = await db
    .insert(passwordTokens)
    .values({
      tenantId: values.tenantId,
      userId: values.userId,
      purpose: values.purpose,
      tokenHash: values.tokenHash,
      expiresAt: values.expiresAt,
      createdAt: values.now,
    })
    .returning();
  return row!;
}

/**
 * Ends the user's links still open (all of them, or all but `keepId`): only the latest link sent
 * works, so an old e-mail found later is harmless.
 */
export async function expireOpenPasswordTokens(
  db: Db,
  tenantId: string,
  userId: string,
  now: Date,
  keepId?: string,
) {
  await db
    .update(passwordTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(passwordTokens.tenantId, tenantId),
        eq(passwordTokens.userId, userId),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
        keepId ? ne(passwordTokens.id, keepId) : undefined,
      ),
    );
}

/** A link by its token's hash, with its user and company (the token is the only key: no tenant yet). */
export async function findPasswordTokenByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ link: passwordTokens, user: webUsers, tenant: tenants })
    .from(passwordTokens)
    .innerJoin(
      webUsers,
      and(eq(webUsers.id, passwordTokens.userId), eq(webUsers.tenantId, passwordTokens.tenantId)),
    )
    .innerJoin(tenants, eq(tenants.id, passwordTokens.tenantId))
    .where(eq(passwordTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Uses the link once: false when another request used it first or it expired meanwhile. */
export async function consumePasswordToken(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.id, id), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
    .returning({ id: passwordTokens.id });
  return rows.length === 1;
}

/**
 * The active users of a company whose login or e-mail address is the one typed (case-insensitive):
 * an e-mail address may be shared by several accounts, each gets its own link.
 */
export async function findUsersForReset(db: Db, companyCode: string, loginOrEmail: string) {
  const typed = loginOrEmail.trim().toLowerCase();
  return db
    .select({ user: webUsers, tenant: tenants })
    .from(webUsers)
    .innerJoin(tenants, eq(tenants.id, webUsers.tenantId))
    .where(
      and(
        eq(sql`upper(${tenants.code})`, companyCode.trim().toUpperCase()),
        or(eq(sql`lower(${webUsers.login})`, typed), eq(sql`lower(${webUsers.email})`, typed)),
      ),
    )
    .limit(10);
}

export async function setPasswordFromLink(
  db: Db,
  tenantId: string,
  userId: string,
  passwordHash: string,
  now: Date,
) {
  await db
    .update(webUsers)
    .set({ passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.id, userId)));
}
