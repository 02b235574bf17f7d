import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { enrolmentMaterial, newTotpSecret } from '../auth/totp.js';
import { findOperator, updateOperator } from './operator-repository.js';

/**
 * The first sign-in sets up the authenticator: a new secret, sealed at rest, pending until a first
 * code confirms it. Asking again replaces a pending secret (a QR code scanned on the wrong phone).
 */
export async function startOperatorEnrolment(
  ctx: AppContext,
  input: { operatorId: string; ip: string; requestId: string },
) {
  const operator = await findOperator(ctx.db, input.operatorId);
  if (!operator) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  if (operator.totpEnabledAt) throw new DomainError('CONFLICT', 'Two-factor sign-in is already set up.');
  const secret = newTotpSecret();
  await ctx.db.transaction(async (tx) => {
    await updateOperator(tx, operator.id, {
      totpSecretEncrypted: ctx.secretBox.seal(secret),
      totpLastStep: null,
      now: ctx.now(),
    });
    await recordAudit(tx, {
      tenantId: null,
      actor: { type: 'operator', id: operator.id },
      action: 'operator.second_factor_enrolment_started',
      entityType: 'operator',
      entityId: operator.id,
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  return enrolmentMaterial(secret, `${operator.email} (operator)`);
}
