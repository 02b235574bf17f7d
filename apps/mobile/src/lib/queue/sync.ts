import { agentClockState, clockEventBatchResult, clockEventResult } from '@ciao/domain';
import { ApiError, api, SESSION_ENDING_CODES } from '../api';
import { db, writeCache } from '../local-db';
import type { QueuedEvent } from '../local-db';
import { patchForResult, sendOrder, toBatches, toRequestBody } from './queue-logic';
import type { EventResult } from './queue-logic';

const PREFIX = '/api/agent/v1';
const singleAnswer = clockEventResult.extend({ state: agentClockState });

export const stateCacheKey = (agentId: string) => `state:${agentId}`;

export interface SyncOutcome {
  sent: number;
  refused: number;
  /** Set when the server could not be reached: the rest stays queued for the next try. */
  error?: ApiError;
}

let running: Promise<SyncOutcome> | undefined;
let again = false;

/** Writes a registration to IndexedDB before anything else: from here on it cannot be lost. */
export async function enqueue(event: QueuedEvent): Promise<void> {
  await db.events.add(event);
}

/** Whether a single-route refusal is the event's own (kept and shown) rather than the session's or the network's. */
function isEventRefusal(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.kind === 'problem' &&
    !error.transient &&
    !(SESSION_ENDING_CODES as readonly string[]).includes(error.code ?? '')
  );
}

async function apply(results: readonly EventResult[]): Promise<number> {
  const now = new Date();
  let refused = 0;
  await db.transaction('rw', db.events, async () => {
    for (const result of results) {
      const patch = patchForResult(result, now);
      if (patch.status === 'refused') refused += 1;
      await db.events.update(result.id, patch);
    }
  });
  return refused;
}

async function sendAll(agentId: string, token: string): Promise<SyncOutcome> {
  const pending = sendOrder(await db.events.where({ agentId, status: 'pending' }).toArray());
  const outcome: SyncOutcome = { sent: 0, refused: 0 };
  if (pending.length === 0) return outcome;
  try {
    if (pending.length === 1) {
      const event = pending[0]!;
      try {
        const answer = await api(`${PREFIX}/clock-events`, singleAnswer, {
          method: 'POST',
          body: toRequestBody(event),
          token,
        });
        outcome.refused += await apply([answer]);
        await writeCache(stateCacheKey(agentId), answer.state);
      } catch (error) {
        if (!isEventRefusal(error)) throw error;
        const detail = typeof error.problem?.detail === 'string' ? error.problem.detail : '';
        outcome.refused += await apply([
          { id: event.id, outcome: 'refused', code: error.code ?? 'REFUSED', message: detail },
        ]);
      }
      outcome.sent += 1;
      return outcome;
    }
    for (const batch of toBatches(pending)) {
      const answer = await api(`${PREFIX}/clock-events/batch`, clockEventBatchResult, {
        method: 'POST',
        body: { events: batch.map(toRequestBody) },
        token,
        timeoutMs: 30_000,
      });
      outcome.refused += await apply(answer.results);
      outcome.sent += batch.length;
      await writeCache(stateCacheKey(agentId), answer.state);
    }
  } catch (error) {
    await db.events.where({ agentId, status: 'pending' }).modify((event) => {
      event.attempts += 1;
    });
    outcome.error = error instanceof ApiError ? error : new ApiError('network', String(error));
  }
  return outcome;
}

/** Sends this agent's waiting registrations, one sync at a time (a second call joins the first). */
export function syncQueue(agentId: string, token: string): Promise<SyncOutcome> {
  if (running) {
    // A registration queued during a sync is sent by one more pass, right after.
    again = true;
    return running;
  }
  running = (async () => {
    let outcome: SyncOutcome;
    do {
      again = false;
      outcome = await sendAll(agentId, token);
    } while (again && !outcome.error);
    return outcome;
  })().finally(() => {
    running = undefined;
  });
  return running;
}
