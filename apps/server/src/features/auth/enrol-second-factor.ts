import { DomainError } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { webUsers } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { enrolmentMaterial, newTotpSecret } from './totp.js';
import { findUserWithTenant } from './web-user-repository.js';

/** Starts two-factor enrolment: a new secret, kept pending (encrypted) until a code confirms it. */
export async function enrolSecondFactor(ctx: AppContext, input: { tenantId: string; userId: string }) {
  const found = await findUserWithTenant(ctx.db, input.tenantId, input.userId);
  if (!found) throw new DomainError('NOT_FOUND', 'User not found.');
  if (found.user.totpEnabledAt) {
    throw new DomainError(
      'CONFLICT',
      'Two-factor sign-in is already set up. Turn it off first to set up another device.',
    );
  }
  const secret = newTotpSecret();
  await ctx.db
    .update(webUsers)
    .set({ totpSecretEncrypted: ctx.secretBox.seal(secret), updatedAt: ctx.now() })
    .where(eq(webUsers.id, found.user.id));
  return enrolmentMaterial(secret, `${found.user.login}@${found.tenant.code}`);
}
