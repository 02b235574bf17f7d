import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { hashPassword } from '../../security/passwords.js';
import { sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import { assertNotThrottled, passwordLinkThrottleKeys, recordFailedAttempt } from '../auth/login-throttle.js';
import {
  consumeOperatorPasswordToken,
  findOperatorByPasswordToken,
  revokeOperatorSessions,
  updateOperator,
} from './operator-repository.js';

/**
 * Sets an operator's password through the one-time link of `operator:create`: the link is used up
 * and every session of the operator ends. Unknown, used and expired links get the same answer.
 */
export async function setOperatorPassword(
  ctx: AppContext,
  input: { token: string; password: string; ip: string; requestId: string },
) {
  const now = ctx.now();
  const keys = passwordLinkThrottleKeys(input.ip);
  await assertNotThrottled(ctx.db, keys, now, 'password link');
  const tokenHash = sha256Hex(input.token);
  const operator = await findOperatorByPasswordToken(ctx.db, tokenHash);
  if (!operator) await recordFailedAttempt(ctx.db, keys, now);
  if (
    !operator ||
    !operator.passwordTokenExpiresAt ||
    operator.passwordTokenExpiresAt <= now ||
    !operator.active
  ) {
    throw new DomainError(
      'PASSWORD_LINK_INVALID',
      'This link is not valid any more: ask another operator, or run operator:create again, for a new one.',
    );
  }
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    if (!(await consumeOperatorPasswordToken(tx, operator.id, tokenHash, now))) {
      throw new DomainError('PASSWORD_LINK_USED', 'This link has already been used.');
    }
    await updateOperator(tx, operator.id, { passwordHash, now });
    await revokeOperatorSessions(tx, operator.id, now);
    await recordAudit(tx, {
      tenantId: null,
      actor: { type: 'operator', id: operator.id },
      action: 'operator.password_set',
      entityType: 'operator',
      entityId: operator.id,
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  return { email: operator.email };
}
