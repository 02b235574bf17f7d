import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { findOperator, revokeOperatorSession, updateOperator } from './operator-repository.js';
import { openOperatorSession, presentOperatorSession } from './operator-session.js';
import { verifyOperatorCode } from './verify-operator-code.js';

interface StepInput {
  operatorId: string;
  sessionIdHash: string;
  code: string;
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

async function finish(
  ctx: AppContext,
  input: StepInput,
  operator: { id: string; email: string; displayName: string },
  how: string,
) {
  const now = ctx.now();
  await revokeOperatorSession(ctx.db, input.sessionIdHash, now);
  const session = await openOperatorSession(ctx, {
    operatorId: operator.id,
    stage: 'signed_in',
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await updateOperator(ctx.db, operator.id, { lastLoginAt: now, now });
  await recordAudit(ctx.db, {
    tenantId: null,
    actor: { type: 'operator', id: operator.id },
    action: 'operator.signed_in',
    entityType: 'operator',
    entityId: operator.id,
    after: { secondFactor: how },
    ip: input.ip,
    requestId: input.requestId,
  });
  return { ...session, info: presentOperatorSession(operator, 'signed_in') };
}

/** The TOTP step of every operator sign-in: the pending session is replaced by a full one (a new id). */
export async function completeOperatorSecondFactor(ctx: AppContext, input: StepInput) {
  const operator = await findOperator(ctx.db, input.operatorId);
  if (!operator?.totpEnabledAt) {
    throw new DomainError('SECOND_FACTOR_INVALID', 'Two-factor sign-in is not set up for this account.');
  }
  await verifyOperatorCode(ctx, operator, input);
  return finish(ctx, input, operator, 'totp');
}

/**
 * The first sign-in's last step: the first code proves the authenticator works, two-factor sign-in
 * is on from now, and the operator is signed in.
 */
export async function confirmOperatorEnrolment(ctx: AppContext, input: StepInput) {
  const operator = await findOperator(ctx.db, input.operatorId);
  if (!operator) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  if (operator.totpEnabledAt) throw new DomainError('CONFLICT', 'Two-factor sign-in is already set up.');
  await verifyOperatorCode(ctx, operator, input);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await updateOperator(tx, operator.id, { totpEnabledAt: now, now });
    await recordAudit(tx, {
      tenantId: null,
      actor: { type: 'operator', id: operator.id },
      action: 'operator.second_factor_enabled',
      entityType: 'operator',
      entityId: operator.id,
      ip: input.ip,
      requestId: input.requestId,
    });
  });
  return finish(ctx, input, operator, 'totp_enrolment');
}
