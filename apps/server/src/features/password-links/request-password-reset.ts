import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { issuePasswordLink } from './issue-password-link.js';
import { findUsersForReset } from './password-link-repository.js';
import { countResetRequest, resetThrottleKeys } from './password-reset-throttle.js';

/**
 * "Forgot password": sends a reset link to each active account of the company whose login or
 * e-mail address was typed and which has an e-mail address. The caller answers the same whatever
 * happened here: the answer must never tell whether an account exists.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  input: { companyCode: string; login: string; linkBase: string; ip: string; requestId: string },
): Promise<void> {
  const now = ctx.now();
  await countResetRequest(ctx.db, resetThrottleKeys(input.companyCode, input.login, input.ip), now);
  const found = await findUsersForReset(ctx.db, input.companyCode, input.login);
  for (const { user, tenant } of found) {
    const email = user.email;
    const sendable = tenant.status === 'active' && user.active && email !== null;
    await ctx.db.transaction(async (tx) => {
      if (sendable) {
        await issuePasswordLink(tx, {
          company: tenant,
          user: { ...user, email },
          purpose: 'reset',
          linkBase: input.linkBase,
          now,
        });
      }
      // The company sees every request, those that sent nothing too (and why), as attacks look so.
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: { type: 'anonymous' },
        action: sendable ? 'auth.password_reset_requested' : 'auth.password_reset_refused',
        entityType: 'web_user',
        entityId: user.id,
        after: sendable
          ? { sentTo: email }
          : {
              reason:
                tenant.status !== 'active'
                  ? 'TENANT_SUSPENDED'
                  : !user.active
                    ? 'USER_INACTIVE'
                    : 'USER_HAS_NO_EMAIL',
            },
        ip: input.ip,
        requestId: input.requestId,
      });
    });
  }
}
