import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import {
  assertNotThrottled,
  clearAccountThrottle,
  recordFailedAttempt,
  throttleKeys,
} from './login-throttle.js';
import { presentSessionInfo } from './session-info.js';
import { openWebSession } from './sign-in-web-user.js';
import { hashRecoveryCode, verifyTotp } from './totp.js';
import { findUserWithTenant, updateUserSignInState } from './web-user-repository.js';
import { revokeWebSession } from './web-session-repository.js';

/**
 * The TOTP step of a two-factor sign-in: an authenticator code or a single-use recovery code. On
 * success the pending session is replaced by a new, full one (a new id again).
 */
export async function completeSecondFactor(
  ctx: AppContext,
  input: {
    tenantId: string;
    userId: string;
    sessionIdHash: string;
    code: string;
    ip: string;
    userAgent: string | undefined;
    requestId: string;
  },
) {
  const now = ctx.now();
  const found = await findUserWithTenant(ctx.db, input.tenantId, input.userId);
  if (!found?.user.totpSecretEncrypted || !found.user.totpEnabledAt) {
    throw new DomainError('SECOND_FACTOR_INVALID', 'Two-factor sign-in is not set up for this account.');
  }
  const { user, tenant } = found;
  const keys = throttleKeys('web', tenant.code, `second-factor:${user.id}`, input.ip);
  await assertNotThrottled(ctx.db, keys, now);

  const secret = ctx.secretBox.open(user.totpSecretEncrypted as Buffer).toString('utf8');
  const code = input.code.trim();
  let usedRecoveryCode = false;
  let valid = /^\d{6}$/.test(code) && verifyTotp(secret, code, now);
  if (!valid && !/^\d{6}$/.test(code)) {
    const hash = hashRecoveryCode(code);
    if (user.recoveryCodeHashes.includes(hash)) {
      valid = true;
      usedRecoveryCode = true;
      await updateUserSignInState(ctx.db, user.id, {
        recoveryCodeHashes: user.recoveryCodeHashes.filter((h) => h !== hash),
      });
    }
  }
  if (!valid) {
    await recordFailedAttempt(ctx.db, keys, now);
    await recordAudit(ctx.db, {
      tenantId: tenant.id,
      actor: { type: 'user', id: user.id },
      action: 'auth.second_factor_failed',
      entityType: 'web_user',
      entityId: user.id,
      ip: input.ip,
      requestId: input.requestId,
    });
    throw new DomainError(
      'SECOND_FACTOR_INVALID',
      'This code is wrong or has expired. Enter the current code of your authenticator app.',
    );
  }
  await clearAccountThrottle(ctx.db, keys);
  await revokeWebSession(ctx.db, input.sessionIdHash, now);
  const session = await openWebSession(ctx, {
    tenantId: tenant.id,
    userId: user.id,
    secondFactorPending: false,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await updateUserSignInState(ctx.db, user.id, { lastLoginAt: now });
  await recordAudit(ctx.db, {
    tenantId: tenant.id,
    actor: { type: 'user', id: user.id },
    action: 'auth.signed_in',
    entityType: 'web_user',
    entityId: user.id,
    after: { secondFactor: usedRecoveryCode ? 'recovery_code' : 'totp' },
    ip: input.ip,
    requestId: input.requestId,
  });
  return { ...session, info: presentSessionInfo(user, tenant) };
}
