import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { hashPassword, needsRehash, verifyPassword } from '../../security/passwords.js';
import { recordAudit } from '../audit/audit-repository.js';
import {
  assertNotThrottled,
  clearAccountThrottle,
  recordFailedAttempt,
  throttleKeys,
} from '../auth/login-throttle.js';
import { findOperatorByEmail, revokeOperatorSession, updateOperator } from './operator-repository.js';
import { openOperatorSession, presentOperatorSession } from './operator-session.js';

// The same constant-time answer as the tenants' sign-in: an unknown address costs one argon2 round too.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('ciao operator decoy password, never matches'));

/** The operators' "company" in the throttle keys: their counters never mix with a tenant's. */
export const OPERATOR_THROTTLE_SCOPE = 'PLATFORM';

/**
 * The password step of an operator's sign-in. Two-factor sign-in is required: the session opened
 * here only reaches the TOTP step, or the authenticator set-up when the operator has none yet.
 */
export async function signInOperator(
  ctx: AppContext,
  input: {
    email: string;
    password: string;
    ip: string;
    userAgent: string | undefined;
    requestId: string;
    previousSessionIdHash: string | undefined;
  },
) {
  const now = ctx.now();
  const keys = throttleKeys('operator', OPERATOR_THROTTLE_SCOPE, input.email, input.ip);
  await assertNotThrottled(ctx.db, keys, now);
  const operator = await findOperatorByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(operator?.passwordHash ?? (await decoy()), input.password);
  if (!operator?.passwordHash || !passwordOk || !operator.active) {
    await recordFailedAttempt(ctx.db, keys, now);
    await recordAudit(ctx.db, {
      tenantId: null,
      actor: operator ? { type: 'operator', id: operator.id } : { type: 'anonymous' },
      action: 'operator.sign_in_failed',
      entityType: 'operator',
      entityId: operator?.id,
      after: { email: input.email.trim().toLowerCase() },
      ip: input.ip,
      requestId: input.requestId,
    });
    throw new DomainError('INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.');
  }
  await clearAccountThrottle(ctx.db, keys);
  if (input.previousSessionIdHash) await revokeOperatorSession(ctx.db, input.previousSessionIdHash, now);
  const stage = operator.totpEnabledAt ? ('password' as const) : ('enrolment' as const);
  const session = await openOperatorSession(ctx, {
    operatorId: operator.id,
    stage,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  if (needsRehash(operator.passwordHash)) {
    await updateOperator(ctx.db, operator.id, { passwordHash: await hashPassword(input.password), now });
  }
  await recordAudit(ctx.db, {
    tenantId: null,
    actor: { type: 'operator', id: operator.id },
    action: 'operator.password_accepted',
    entityType: 'operator',
    entityId: operator.id,
    ip: input.ip,
    requestId: input.requestId,
  });
  return { ...session, info: presentOperatorSession(operator, stage) };
}
