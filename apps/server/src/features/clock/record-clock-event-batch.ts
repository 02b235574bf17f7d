import { clockEventInput, DomainError, type ClockEventInput } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { presentClockState } from './clock-event-presenter.js';
import { findOpenSession } from './clock-repository.js';
import { recordClockEvent } from './record-clock-event.js';

type ItemResult = {
  id: string;
  outcome: 'recorded' | 'already_recorded' | 'refused';
  code?: string;
  message?: string;
  event?: Awaited<ReturnType<typeof recordClockEvent>>['event'];
};

/**
 * An offline sync: each item is validated and recorded on its own (one transaction each), in
 * device-time order, so one bad item never blocks the others, and each gets its own result.
 */
export async function recordClockEventBatch(
  ctx: AppContext,
  input: {
    tenantId: string;
    agentId: string;
    deviceId: string | null;
    events: unknown[];
    ip?: string;
    requestId?: string;
  },
) {
  const parsed = input.events.map((raw, index) => ({ index, raw, result: clockEventInput.safeParse(raw) }));
  const results: ItemResult[] = new Array(parsed.length);
  const valid: { index: number; event: ClockEventInput }[] = [];
  for (const item of parsed) {
    if (item.result.success) {
      valid.push({ index: item.index, event: item.result.data });
    } else {
      const id =
        typeof (item.raw as { id?: unknown })?.id === 'string'
          ? String((item.raw as { id: string }).id)
          : `#${item.index}`;
      const issues = item.result.error.issues.map(
        (issue) => `${issue.path.join('.') || 'event'} ${issue.message}`,
      );
      results[item.index] = { id, outcome: 'refused', code: 'VALIDATION_FAILED', message: issues.join('; ') };
    }
  }
  valid.sort(
    (a, b) =>
      new Date(a.event.deviceTime).getTime() - new Date(b.event.deviceTime).getTime() || a.index - b.index,
  );
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
      results[index] = { id: event.id, outcome: 'refused', code: error.code, message: error.message };
    }
  }
  const state = presentClockState(await findOpenSession(ctx.db, input.tenantId, input.agentId));
  return { results, state };
}
