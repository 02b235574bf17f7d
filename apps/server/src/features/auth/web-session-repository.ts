import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants, webSessions, webUsers } from '../../db/schema/index.js';

export async function insertWebSession(
  db: Db,
  session: {
    idHash: string;
    tenantId: string;
    userId: string;
    csrfTokenHash: string;
    secondFactorPending: boolean;
    expiresAt: Date;
    now: Date;
    ip: string;
    userAgent: string | undefined;
  },
) {
  await db.insert(webSessions).values({
    idHash: session.idHash,
    tenantId: session.tenantId,
    userId: session.userId,
    csrfTokenHash: session.csrfTokenHash,
    secondFactorPending: session.secondFactorPending,
    createdAt: session.now,
    lastSeenAt: session.now,
    expiresAt: session.expiresAt,
    ip: session.ip,
    userAgent: session.userAgent?.slice(0, 300) ?? null,
  });
}

/** The live session with its user and tenant, or undefined. */
export async function findWebSession(db: Db, idHash: string) {
  const [row] = await db
    .select({
      session: webSessions,
      user: {
        id: webUsers.id,
        role: webUsers.role,
        active: webUsers.active,
        totpEnabledAt: webUsers.totpEnabledAt,
      },
      tenant: { id: tenants.id, code: tenants.code, status: tenants.status, settings: tenants.settings },
    })
    .from(webSessions)
    .innerJoin(webUsers, eq(webUsers.id, webSessions.userId))
    .innerJoin(tenants, eq(tenants.id, webSessions.tenantId))
    .where(and(eq(webSessions.idHash, idHash), isNull(webSessions.revokedAt)))
    .limit(1);
  return row;
}

export async function touchWebSession(db: Db, idHash: string, now: Date) {
  await db.update(webSessions).set({ lastSeenAt: now }).where(eq(webSessions.idHash, idHash));
}

export async function revokeWebSession(db: Db, idHash: string, now: Date) {
  await db
    .update(webSessions)
    .set({ revokedAt: now })
    .where(and(eq(webSessions.idHash, idHash), isNull(webSessions.revokedAt)));
}

/** Signs a user out everywhere (password reset, deactivation, 2FA reset). */
export async function revokeUserWebSessions(db: Db, tenantId: string, userId: string, now: Date) {
  await db
    .update(webSessions)
    .set({ revokedAt: now })
    .where(
      and(eq(webSessions.tenantId, tenantId), eq(webSessions.userId, userId), isNull(webSessions.revokedAt)),
    );
}
