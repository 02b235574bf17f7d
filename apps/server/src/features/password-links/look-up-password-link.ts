import { DomainError, type PasswordLinkPurpose, type PasswordLinkView } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { sha256Hex } from '../../security/tokens.js';
import { assertNotThrottled, passwordLinkThrottleKeys, recordFailedAttempt } from '../auth/login-throttle.js';
import { findPasswordTokenByHash } from './password-link-repository.js';

export type LinkState = 'valid' | 'expired' | 'used';

export function linkState(link: { usedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (link.usedAt) return 'used';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
}

/**
 * The link behind a token, or PASSWORD_LINK_INVALID: the set-password page says what happened.
 * Unknown tokens count against the IP (TOO_MANY_ATTEMPTS past the allowance).
 */
export async function requirePasswordLink(ctx: AppContext, token: string, ip: string) {
  const keys = passwordLinkThrottleKeys(ip);
  await assertNotThrottled(ctx.db, keys, ctx.now(), 'password link');
  const found = await findPasswordTokenByHash(ctx.db, sha256Hex(token));
  if (!found) {
    await recordFailedAttempt(ctx.db, keys, ctx.now());
    throw new DomainError(
      'PASSWORD_LINK_INVALID',
      'This link is not valid. Check that it was copied whole, or ask for a new one.',
    );
  }
  return found;
}

/** Whose link it is and whether it still works, shown before the set-password form. */
export async function lookUpPasswordLink(
  ctx: AppContext,
  token: string,
  ip: string,
): Promise<PasswordLinkView> {
  const { link, user, tenant } = await requirePasswordLink(ctx, token, ip);
  return {
    purpose: link.purpose as PasswordLinkPurpose,
    status: linkState(link, ctx.now()),
    login: user.login,
    displayName: user.displayName,
    companyCode: tenant.code,
    companyName: tenant.name,
    expiresAt: link.expiresAt.toISOString(),
  };
}
