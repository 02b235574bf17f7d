import { DomainError } from '@ciao/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { webSessions, webUsers } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { recordAudit } from '../audit/audit-repository.js';
import { openWebSession, type NewWebSession } from './sign-in-web-user.js';
import { findUserWithTenant } from './web-user-repository.js';

/**
 * Changes one's own password (the current one is required) and ends every session of the user,
 * this one included: the browser gets a new session id, so a session id stolen before the change
 * (the usual reason to change a password) stops working too.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  input: {
    tenantId: string;
    userId: string;
    currentPassword: string;
    newPassword: string;
    ip: string;
    userAgent: string | undefined;
    requestId: string;
  },
): Promise<NewWebSession> {
  const now = ctx.now();
  const found = await findUserWithTenant(ctx.db, input.tenantId, input.userId);
  if (!found?.user.passwordHash || !(await verifyPassword(found.user.passwordHash, input.currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong.', {
      fieldErrors: [{ path: 'currentPassword', code: 'WRONG_PASSWORD', message: 'is wrong' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(webUsers)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(webUsers.id, input.userId));
    await tx
      .update(webSessions)
      .set({ revokedAt: now })
      .where(and(eq(webSessions.userId, input.userId), isNull(webSessions.revokedAt)));
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: { type: 'user', id: input.userId },
      action: 'auth.password_changed',
      entityType: 'web_user',
      entityId: input.userId,
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  return openWebSession(ctx, {
    tenantId: input.tenantId,
    userId: input.userId,
    secondFactorPending: false,
    ip: input.ip,
    userAgent: input.userAgent,
  });
}
