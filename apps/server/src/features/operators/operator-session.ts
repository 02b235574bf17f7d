import type { OperatorSession } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { insertOperatorSession, type OperatorStage } from './operator-repository.js';

const stageNames = {
  password: 'second_factor_required',
  enrolment: 'enrolment_required',
  signed_in: 'signed_in',
} as const satisfies Record<OperatorStage, OperatorSession['stage']>;

export function presentOperatorSession(
  operator: { id: string; email: string; displayName: string },
  stage: OperatorStage,
): OperatorSession {
  return {
    operator: { id: operator.id, email: operator.email, displayName: operator.displayName },
    stage: stageNames[stage],
  };
}

/** A new operator session, always with a new id (no fixation); the same lifetimes as tenant sessions. */
export async function openOperatorSession(
  ctx: AppContext,
  input: { operatorId: string; stage: OperatorStage; ip: string; userAgent: string | undefined },
) {
  const now = ctx.now();
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  // A pending stage lasts minutes, not hours: the code must follow the password.
  const lifetimeMs = input.stage === 'signed_in' ? ctx.sessions.absoluteHours * 3_600_000 : 15 * 60_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await insertOperatorSession(ctx.db, {
    idHash: sha256Hex(sessionToken),
    operatorId: input.operatorId,
    csrfTokenHash: sha256Hex(csrfToken),
    stage: input.stage,
    expiresAt,
    now,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { sessionToken, csrfToken, expiresAt };
}
