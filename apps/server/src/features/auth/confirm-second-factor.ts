import { DomainError } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { webUsers } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { hashRecoveryCode, newRecoveryCodes, verifyTotp } from './totp.js';
import { findUserWithTenant } from './web-user-repository.js';

/** Turns two-factor sign-in on once the user proves the authenticator works; returns recovery codes. */
export async function confirmSecondFactor(
  ctx: AppContext,
  input: { tenantId: string; userId: string; code: string; ip: string; requestId: string },
) {
  const now = ctx.now();
  const found = await findUserWithTenant(ctx.db, input.tenantId, input.userId);
  if (!found) throw new DomainError('NOT_FOUND', 'User not found.');
  const { user } = found;
  if (user.totpEnabledAt) throw new DomainError('CONFLICT', 'Two-factor sign-in is already set up.');
  if (!user.totpSecretEncrypted)
    throw new DomainError('CONFLICT', 'Start the set-up first: no authenticator secret is pending.');
  const secret = ctx.secretBox.open(user.totpSecretEncrypted).toString('utf8');
  if (!verifyTotp(secret, input.code.trim(), now)) {
    throw new DomainError(
      'SECOND_FACTOR_INVALID',
      'This code is wrong or has expired. Enter the current code of your authenticator app.',
    );
  }
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(webUsers)
      .set({ totpEnabledAt: now, recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode), updatedAt: now })
      .where(eq(webUsers.id, user.id));
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: { type: 'user', id: user.id },
      action: 'auth.second_factor_enabled',
      entityType: 'web_user',
      entityId: user.id,
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  return { recoveryCodes };
}
