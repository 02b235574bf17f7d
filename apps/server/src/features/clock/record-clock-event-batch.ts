import { clockEventInput, DomainError, type ClockEventInput } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { decideClockEvent, type ClockWrites } from './clock-decision.js';
import { presentClockEvent, presentClockState } from './clock-event-presenter.js';
import {
  findClockEvents,
  findOpenSession,
  isUniqueViolation,
  onssStatusOfEvent,
} from './clock-repository.js';
import { loadClockContext, writeClockDecisions } from './clock-store.js';
import {
  clockEventContentHash,
  conflictError,
  presentDecision,
  publishRecorded,
  recordClockEvent,
} from './record-clock-event.js';

type ItemResult = {
  id: string;
  outcome: 'recorded' | 'already_recorded' | 'refused';
  code?: string;
  message?: string;
  event?: ReturnType<typeof presentClockEvent>;
};

const refusal = (id: string, error: DomainError): ItemResult => ({
  id,
  outcome: 'refused',
  code: error.code,
  message: error.message,
});

interface BatchInput {
  tenantId: string;
  agentId: string;
  deviceId: string | null;
  events: unknown[];
  ip?: string;
  requestId?: string;
}

/**
 * An offline sync: items are validated one by one and applied in device-time order, so one bad
 * item never blocks the others, and each gets its own result. The accepted ones are written
 * together, under one lock of the agent, each with its session change, outbox row, anomalies and
 * audit row; a failure of the database fails the whole request, which the app sends again
 * (replays are harmless).
 */
export async function recordClockEventBatch(ctx: AppContext, input: BatchInput) {
  const results: ItemResult[] = new Array(input.events.length);
  const valid: { index: number; event: ClockEventInput }[] = [];
  input.events.forEach((raw, index) => {
    const parsed = clockEventInput.safeParse(raw);
    if (parsed.success) {
      valid.push({ index, event: parsed.data });
      return;
    }
    const rawId = (raw as { id?: unknown } | null)?.id;
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'event'} ${issue.message}`);
    results[index] = {
      id: typeof rawId === 'string' ? rawId : `#${index}`,
      outcome: 'refused',
      code: 'VALIDATION_FAILED',
      message: issues.join('; '),
    };
  });
  valid.sort(
    (a, b) =>
      new Date(a.event.deviceTime).getTime() - new Date(b.event.deviceTime).getTime() || a.index - b.index,
  );

  const now = ctx.now();
  let outcome;
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const context = await loadClockContext(tx, input.tenantId, input.agentId, now);
      const stored = new Map(
        (
          await findClockEvents(
            tx,
            input.tenantId,
            valid.map(({ event }) => event.id),
          )
        ).map((row) => [row.id, row]),
      );
      const decided = new Map<string, { hash: string; decision: ClockWrites }>();
      const decisions: ClockWrites[] = [];
      for (const { index, event } of valid) {
        const hash = clockEventContentHash(event);
        const earlier = stored.get(event.id);
        const sameRequest = decided.get(event.id);
        if (earlier) {
          results[index] =
            earlier.agentId === input.agentId && earlier.contentHash === hash
              ? {
                  id: event.id,
                  outcome: 'already_recorded',
                  code: 'ALREADY_RECORDED',
                  event: presentClockEvent(earlier, await onssStatusOfEvent(tx, input.tenantId, earlier.id)),
                }
              : refusal(event.id, conflictError());
          continue;
        }
        if (sameRequest) {
          results[index] =
            sameRequest.hash === hash
              ? {
                  id: event.id,
                  outcome: 'already_recorded',
                  code: 'ALREADY_RECORDED',
                  event: presentDecision(sameRequest.decision, context).event,
                }
              : refusal(event.id, conflictError());
          continue;
        }
        try {
          const decision = decideClockEvent(context, { event, deviceId: input.deviceId, contentHash: hash });
          decisions.push(decision);
          decided.set(event.id, { hash, decision });
          results[index] = {
            id: event.id,
            outcome: 'recorded',
            event: presentDecision(decision, context).event,
          };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          results[index] = refusal(event.id, error);
        }
      }
      await writeClockDecisions(
        tx,
        decisions.map((decision) => ({ decision, ip: input.ip, requestId: input.requestId })),
        now,
      );
      return {
        decisions,
        state: presentClockState(await findOpenSession(tx, input.tenantId, input.agentId)),
      };
    });
  } catch (error) {
    // An id already used by another agent: rare enough to take the items one by one, so that the
    // conflict is reported on its item and the others are still recorded.
    if (!isUniqueViolation(error)) throw error;
    return recordOneByOne(ctx, input, valid, results);
  }
  publishRecorded(ctx, outcome.decisions);
  return { results, state: outcome.state };
}

async function recordOneByOne(
  ctx: AppContext,
  input: BatchInput,
  valid: { index: number; event: ClockEventInput }[],
  results: ItemResult[],
) {
  for (const { index, event } of valid) {
    try {
      const recorded = await recordClockEvent(ctx, { ...input, event });
      results[index] = {
        id: event.id,
        outcome: recorded.outcome,
        event: recorded.event,
        ...(recorded.outcome === 'already_recorded' ? { code: 'ALREADY_RECORDED' } : {}),
      };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results[index] = refusal(event.id, error);
    }
  }
  const state = presentClockState(await findOpenSession(ctx.db, input.tenantId, input.agentId));
  return { results, state };
}
