import { DomainError } from '@ciao/domain';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import type { PlatformContext } from '../platform/platform-context.js';
import { OPERATOR_LINK_HOURS, operatorPasswordUrl } from './create-operator.js';
import { findOperatorByEmail, revokeOperatorSessions, updateOperator } from './operator-repository.js';

/**
 * A lost password or authenticator: the operator's password and authenticator are wiped, every
 * session ends, and a new one-time link lets them choose a password and set up an authenticator
 * again at the next sign-in. There are no recovery codes for operators: this is the way back.
 */
export async function resetOperator(ctx: PlatformContext, input: { email: string; linkBase: string }) {
  const operator = await findOperatorByEmail(ctx.db, input.email);
  if (!operator) throw new DomainError('NOT_FOUND', `No operator has the address ${input.email.trim()}.`);
  const token = randomToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + OPERATOR_LINK_HOURS * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await updateOperator(tx, operator.id, {
      passwordHash: null,
      totpSecretEncrypted: null,
      totpEnabledAt: null,
      totpLastStep: null,
      passwordTokenHash: sha256Hex(token),
      passwordTokenExpiresAt: expiresAt,
      now,
    });
    await revokeOperatorSessions(tx, operator.id, now);
    await recordAudit(tx, {
      tenantId: null,
      actor: ctx.actor,
      ...ctx.origin,
      action: 'operator.reset',
      entityType: 'operator',
      entityId: operator.id,
    });
  });
  return { operator, url: operatorPasswordUrl(input.linkBase, token), expiresAt };
}
