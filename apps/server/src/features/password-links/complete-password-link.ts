import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { hashPassword } from '../../security/passwords.js';
import { recordAudit } from '../audit/audit-repository.js';
import { clearAccountThrottle, throttleKeys } from '../auth/login-throttle.js';
import { revokeUserWebSessions } from '../auth/web-session-repository.js';
import { linkState, requirePasswordLink, type LinkState } from './look-up-password-link.js';
import {
  consumePasswordToken,
  expireOpenPasswordTokens,
  setPasswordFromLink,
} from './password-link-repository.js';

function refusal(state: Exclude<LinkState, 'valid'>): DomainError {
  return state === 'used'
    ? new DomainError('PASSWORD_LINK_USED', 'This link has already been used. Ask for a new one if needed.')
    : new DomainError('PASSWORD_LINK_EXPIRED', 'This link has expired. Ask for a new one.');
}

/**
 * Sets the password through a one-time link (invitation or reset): the link is used up, the user's
 * other links stop working, every session of the user ends, and the sign-in lock is lifted.
 */
export async function completePasswordLink(
  ctx: AppContext,
  input: { token: string; password: string; ip: string; requestId: string },
): Promise<void> {
  const { link, user, tenant } = await requirePasswordLink(ctx, input.token, input.ip);
  const state = linkState(link, ctx.now());
  if (state !== 'valid') throw refusal(state);
  if (tenant.status !== 'active') {
    throw new DomainError(
      'TENANT_SUSPENDED',
      'This company account is suspended. Contact your ciao provider.',
    );
  }
  if (!user.active) {
    throw new DomainError('USER_INACTIVE', 'This account has been deactivated. Contact your administrator.');
  }
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    // Conditional: of two requests racing with one link, only one sets a password.
    if (!(await consumePasswordToken(tx, link.id, now))) throw refusal('used');
    await setPasswordFromLink(tx, tenant.id, user.id, passwordHash, now);
    await expireOpenPasswordTokens(tx, tenant.id, user.id, now, link.id);
    await revokeUserWebSessions(tx, tenant.id, user.id, now);
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { type: 'user', id: user.id },
      action: link.purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
      entityType: 'web_user',
      entityId: user.id,
      after: { hasPassword: true, sessionsRevoked: true },
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  await clearAccountThrottle(ctx.db, throttleKeys('web', tenant.code, user.login, input.ip));
}
