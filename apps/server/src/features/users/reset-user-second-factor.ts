import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { revokeUserWebSessions } from '../auth/web-session-repository.js';
import { requireUserRow } from './get-user.js';
import { updateUser } from './user-repository.js';

/**
 * Turns a user's two-factor sign-in off (a lost phone): secret and recovery codes are erased and
 * the user is signed out everywhere; if the company requires it, the user enrols again at the next
 * sign-in. One's own second factor is turned off from the profile, with a current code.
 */
export async function resetUserSecondFactor(ctx: AppContext, caller: Caller, userId: string) {
  const current = await requireUserRow(ctx.db, caller.tenantId, userId);
  if (userId === caller.userId) {
    throw new DomainError(
      'CANNOT_CHANGE_OWN_ACCESS',
      'Turn your own two-factor sign-in off from your profile: it asks for a current code.',
    );
  }
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await updateUser(
      tx,
      caller.tenantId,
      userId,
      { totpSecretEncrypted: null, totpEnabledAt: null, recoveryCodeHashes: [] },
      now,
    );
    await revokeUserWebSessions(tx, caller.tenantId, userId, now);
    await recordCallerAudit(tx, caller, {
      action: 'user.second_factor_reset',
      entityType: 'web_user',
      entityId: userId,
      before: { secondFactorEnabled: current.totpEnabledAt !== null },
      after: { secondFactorEnabled: false, sessionsRevoked: true },
    });
  });
}
