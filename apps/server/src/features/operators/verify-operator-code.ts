import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import {
  assertNotThrottled,
  clearAccountThrottle,
  recordFailedAttempt,
  throttleKeys,
} from '../auth/login-throttle.js';
import { acceptedTotpStep } from '../auth/totp.js';
import { recordOperatorTotpStep, type OperatorRow } from './operator-repository.js';
import { OPERATOR_THROTTLE_SCOPE } from './sign-in-operator.js';

/**
 * Checks an operator's authenticator code against their (sealed) secret, throttled like a password:
 * a wrong code counts as a failed attempt, so six digits cannot be walked through, and a code is
 * accepted once only.
 */
export async function verifyOperatorCode(
  ctx: AppContext,
  operator: OperatorRow,
  input: { code: string; ip: string; requestId: string },
) {
  const now = ctx.now();
  const keys = throttleKeys('operator', OPERATOR_THROTTLE_SCOPE, `second-factor:${operator.id}`, input.ip);
  await assertNotThrottled(ctx.db, keys, now);
  if (!operator.totpSecretEncrypted) {
    throw new DomainError('CONFLICT', 'Start the set-up first: no authenticator secret is pending.');
  }
  const secret = ctx.secretBox.open(operator.totpSecretEncrypted).toString('utf8');
  const step = acceptedTotpStep(secret, input.code.trim(), now);
  // A code already used (its step or an earlier one) is refused like a wrong one: it may have been
  // seen over a shoulder or in a proxy's log. Conditional, so two racing requests cannot both pass.
  const fresh = step !== null && (await recordOperatorTotpStep(ctx.db, operator.id, step));
  if (!fresh) {
    await recordFailedAttempt(ctx.db, keys, now);
    await recordAudit(ctx.db, {
      tenantId: null,
      actor: { type: 'operator', id: operator.id },
      action: 'operator.second_factor_failed',
      entityType: 'operator',
      entityId: operator.id,
      ip: input.ip,
      requestId: input.requestId,
    });
    throw new DomainError(
      'SECOND_FACTOR_INVALID',
      'This code is wrong or has expired. Enter the current code of your authenticator app.',
    );
  }
  await clearAccountThrottle(ctx.db, keys);
}
