import { DomainError } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { webUsers } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { enrolmentMaterial, newTotpSecret } from './totp.js';
import { findUserWithTenant } from './web-user-repository.js';

/** Starts two-factor enrolment: a new secret, kept pending (encrypted) until a code confirms it. */
export async function enrolSecondFactor(
  ctx: AppContext,
  input: { tenantId: string; userId: string; ip: string; requestId: string },
) {
  const found = await findUserWithTenant(ctx.db, input.tenantId, input.userId);
  if (!found) throw new DomainError('NOT_FOUND', 'User not found.');
  if (found.user.totpEnabledAt) {
    throw new DomainError(
      'CONFLICT',
      'Two-factor sign-in is already set up. Turn it off first to set up another device.',
    );
  }
  const secret = newTotpSecret();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(webUsers)
      .set({ totpSecretEncrypted: ctx.secretBox.seal(secret), updatedAt: ctx.now() })
      .where(eq(webUsers.id, found.user.id));
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: { type: 'user', id: input.userId },
      action: 'auth.second_factor_enrolment_started',
      entityType: 'web_user',
      entityId: input.userId,
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  return enrolmentMaterial(secret, `${found.user.login}@${found.tenant.code}`);
}
