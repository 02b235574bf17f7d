import { DomainError } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { webUsers } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { verifyTotp } from './totp.js';
import { findUserWithTenant } from './web-user-repository.js';

/** Turns one's own second factor off, proving possession with a current code, unless it is mandatory. */
export async function disableSecondFactor(
  ctx: AppContext,
  input: { tenantId: string; userId: string; code: string; ip: string; requestId: string },
) {
  const now = ctx.now();
  const found = await findUserWithTenant(ctx.db, input.tenantId, input.userId);
  if (!found?.user.totpEnabledAt || !found.user.totpSecretEncrypted) {
    throw new DomainError('CONFLICT', 'Two-factor sign-in is not turned on.');
  }
  const { user, tenant } = found;
  if (user.role === 'ADMIN' && tenant.settings.requireTwoFactorForAdmins === true) {
    throw new DomainError(
      'SECOND_FACTOR_MANDATORY',
      'Your company requires administrators to keep two-factor sign-in.',
    );
  }
  const secret = ctx.secretBox.open(user.totpSecretEncrypted as Buffer).toString('utf8');
  if (!verifyTotp(secret, input.code.trim(), now)) {
    throw new DomainError(
      'SECOND_FACTOR_INVALID',
      'This code is wrong or has expired. Enter the current code of your authenticator app.',
    );
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(webUsers)
      .set({ totpEnabledAt: null, totpSecretEncrypted: null, recoveryCodeHashes: [], updatedAt: now })
      .where(eq(webUsers.id, user.id));
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { type: 'user', id: user.id },
      action: 'auth.second_factor_disabled',
      entityType: 'web_user',
      entityId: user.id,
      ip: input.ip,
      requestId: input.requestId,
    });
  });
}
