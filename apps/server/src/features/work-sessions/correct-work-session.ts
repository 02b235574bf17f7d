import { DomainError } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import { workSessionCorrections, workSessions } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { presentWorkSession } from './work-session-presenter.js';
import { findWorkSession } from './work-session-repository.js';

export interface CorrectionInput {
  tenantId: string;
  userId: string;
  workSessionId: string;
  startedAt?: string;
  endedAt?: string;
  breakMinutes?: number;
  reason: string;
  ip: string;
  requestId: string;
}

/**
 * Records a manager's correction of a work session (e.g. a forgotten departure). The registered
 * events are never altered and nothing goes to ONSS: the corrected figures are kept beside the
 * registered ones, and reports use them, marked as corrected. Correcting the end of a session still
 * open closes it, so that the agent can start the next one; a departure registered later on the
 * phone is still attached to it (the engine accepts it).
 */
export async function correctWorkSession(ctx: AppContext, input: CorrectionInput) {
  const now = ctx.now();
  const corrected = await ctx.db.transaction(async (tx) => {
    const found = await findWorkSession(tx, input.tenantId, input.workSessionId);
    if (!found) throw new DomainError('NOT_FOUND', 'Work session not found.');
    const { session } = found;
    const startedAt = input.startedAt
      ? new Date(input.startedAt)
      : (session.correctedStartedAt ?? session.startedAt);
    const endedAt = input.endedAt ? new Date(input.endedAt) : (session.correctedEndedAt ?? session.endedAt);
    if (!endedAt) {
      throw new DomainError('VALIDATION_FAILED', 'This session is still open: give its end time.', {
        fieldErrors: [
          { path: 'endedAt', code: 'REQUIRED', message: 'is required while the session is open' },
        ],
      });
    }
    if (endedAt.getTime() <= startedAt.getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'The end must be after the start.', {
        fieldErrors: [{ path: 'endedAt', code: 'BEFORE_START', message: 'must be after the start' }],
      });
    }
    if (endedAt.getTime() > now.getTime() + 60_000) {
      throw new DomainError('VALIDATION_FAILED', 'A correction cannot end in the future.', {
        fieldErrors: [{ path: 'endedAt', code: 'IN_FUTURE', message: 'must not be in the future' }],
      });
    }
    const breakSeconds =
      input.breakMinutes !== undefined
        ? input.breakMinutes * 60
        : (session.correctedBreakSeconds ?? session.breakSeconds);
    const spanSeconds = Math.floor((endedAt.getTime() - startedAt.getTime()) / 1000);
    if (breakSeconds > spanSeconds) {
      throw new DomainError('VALIDATION_FAILED', 'The breaks are longer than the session.', {
        fieldErrors: [
          { path: 'breakMinutes', code: 'TOO_LONG', message: 'must be shorter than the session' },
        ],
      });
    }
    const before = {
      state: session.state,
      startedAt: session.correctedStartedAt ?? session.startedAt,
      endedAt: session.correctedEndedAt ?? session.endedAt,
      workedSeconds: session.correctedWorkedSeconds ?? session.workedSeconds,
      breakSeconds: session.correctedBreakSeconds ?? session.breakSeconds,
    };
    const after = {
      state: 'CLOSED',
      startedAt,
      endedAt,
      workedSeconds: spanSeconds - breakSeconds,
      breakSeconds,
    };
    await tx
      .update(workSessions)
      .set({
        state: 'CLOSED',
        corrected: true,
        correctedStartedAt: startedAt,
        correctedEndedAt: endedAt,
        correctedWorkedSeconds: after.workedSeconds,
        correctedBreakSeconds: breakSeconds,
        updatedAt: now,
      })
      .where(and(eq(workSessions.tenantId, input.tenantId), eq(workSessions.id, session.id)));
    await tx.insert(workSessionCorrections).values({
      tenantId: input.tenantId,
      workSessionId: session.id,
      correctedByUserId: input.userId,
      reason: input.reason,
      before,
      after,
      createdAt: now,
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: { type: 'user', id: input.userId },
      action: 'work_session.corrected',
      entityType: 'work_session',
      entityId: session.id,
      before,
      after: { ...after, reason: input.reason },
      ip: input.ip,
      requestId: input.requestId,
    });
    const updated = await findWorkSession(tx, input.tenantId, session.id);
    return presentWorkSession(updated!);
  });
  // After the commit: a correction that closes an open session takes the agent off the live board.
  ctx.events.publish('work_session.corrected', {
    tenantId: input.tenantId,
    agentId: corrected.agent.id,
    taskId: corrected.task.id,
    siteId: corrected.site.id,
    workSessionId: corrected.id,
    correctedAt: now.toISOString(),
  });
  return corrected;
}
