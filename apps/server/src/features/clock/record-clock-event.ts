import { createHash } from 'node:crypto';
import { DomainError, type ClockEventInput } from '@ciao/domain';
import type { clockEvents } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { decideClockEvent, type ClockContext, type ClockWrites } from './clock-decision.js';
import { presentClockEvent, presentClockState } from './clock-event-presenter.js';
import { findClockEvent, findOpenSession, isUniqueViolation, onssStatusOfEvent } from './clock-repository.js';
import { loadClockContext, writeClockDecisions } from './clock-store.js';

export interface RecordClockEventInput {
  tenantId: string;
  agentId: string;
  deviceId: string | null;
  event: ClockEventInput;
  ip?: string;
  requestId?: string;
}

/** The same registration sent twice has the same content hash: a replay, not a conflict. */
export function clockEventContentHash(event: ClockEventInput): string {
  const canonical = [
    event.taskId,
    event.action,
    new Date(event.deviceTime).toISOString(),
    event.position.latitude,
    event.position.longitude,
    event.position.accuracyMeters,
  ].join('|');
  return createHash('sha256').update(canonical).digest('hex');
}

export const conflictError = () =>
  new DomainError(
    'CLOCK_EVENT_CONFLICT',
    'Another registration with this id was already recorded with other content.',
  );

/** What the agent app gets back for an accepted registration, without reading it again. */
export function presentDecision(decision: ClockWrites, context: ClockContext) {
  return {
    event: presentClockEvent(decision.event as typeof clockEvents.$inferSelect, decision.onss.status ?? null),
    state: context.open
      ? {
          status: context.open.state as 'WORKING' | 'ON_BREAK',
          taskId: context.open.taskId,
          since: context.open.lastEventAt.toISOString(),
          workSessionId: context.open.id,
        }
      : presentClockState(undefined),
  };
}

/** Tells the live feed about accepted registrations, after their commit. */
export function publishRecorded(ctx: AppContext, decisions: readonly ClockWrites[]) {
  for (const decision of decisions) {
    ctx.events.publish('clock_event.recorded', {
      tenantId: decision.event.tenantId,
      agentId: decision.event.agentId,
      taskId: decision.event.taskId,
      siteId: decision.event.siteId,
      clockEventId: decision.event.id,
      action: decision.event.action,
      deviceTime: decision.event.deviceTime.toISOString(),
      state: decision.nextState === 'CLOSED' ? 'OFF' : decision.nextState,
    });
  }
}

/**
 * Records one registration: in one transaction the event, the work-session update, the audit row,
 * its anomalies and the ONSS outbox row; the live feed hears of it after the commit. A replay
 * returns the stored result; the same id with other content is a conflict.
 */
export async function recordClockEvent(ctx: AppContext, input: RecordClockEventInput) {
  const now = ctx.now();
  const contentHash = clockEventContentHash(input.event);
  const { tenantId, agentId } = input;
  let result;
  try {
    result = await ctx.db.transaction(async (tx) => {
      const context = await loadClockContext(tx, tenantId, agentId, now, {
        eventId: input.event.id,
        taskId: input.event.taskId,
      });
      const existing = context.eventAlreadyStored
        ? await findClockEvent(tx, tenantId, input.event.id)
        : undefined;
      if (existing) {
        if (existing.agentId !== agentId || existing.contentHash !== contentHash) throw conflictError();
        return {
          outcome: 'already_recorded' as const,
          event: presentClockEvent(existing, await onssStatusOfEvent(tx, tenantId, existing.id)),
          state: presentClockState(await findOpenSession(tx, tenantId, agentId)),
          decision: undefined,
        };
      }
      const decision = decideClockEvent(context, {
        event: input.event,
        deviceId: input.deviceId,
        contentHash,
      });
      await writeClockDecisions(tx, [{ decision, ip: input.ip, requestId: input.requestId }], now);
      return { outcome: 'recorded' as const, ...presentDecision(decision, context), decision };
    });
  } catch (error) {
    // Another agent's event already holds this id (the per-agent lock does not cover that case).
    if (isUniqueViolation(error)) throw conflictError();
    throw error;
  }
  if (result.decision) publishRecorded(ctx, [result.decision]);
  return { outcome: result.outcome, event: result.event, state: result.state };
}
