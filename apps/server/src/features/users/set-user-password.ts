import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { hashPassword } from '../../security/passwords.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { revokeUserWebSessions } from '../auth/web-session-repository.js';
import { requireUserRow } from './get-user.js';
import { updateUser } from './user-repository.js';

/**
 * An administrator sets a new password for a user, who is signed out everywhere. Passwords are only
 * ever set, never read. For one's own password the profile route is the way: it asks for the
 * current password, so a session left open cannot be turned into a stolen account.
 */
export async function setUserPassword(ctx: AppContext, caller: Caller, userId: string, password: string) {
  const current = await requireUserRow(ctx.db, caller.tenantId, userId);
  if (userId === caller.userId) {
    throw new DomainError(
      'CANNOT_CHANGE_OWN_ACCESS',
      'Change your own password from your profile: it asks for your current password.',
    );
  }
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, caller.tenantId, userId, { passwordHash, passwordChangedAt: now }, now);
    await revokeUserWebSessions(tx, caller.tenantId, userId, now);
    await recordCallerAudit(tx, caller, {
      action: 'user.password_set',
      entityType: 'web_user',
      entityId: userId,
      before: { hasPassword: current.hasPassword },
      after: { hasPassword: true, sessionsRevoked: true },
    });
  });
}
