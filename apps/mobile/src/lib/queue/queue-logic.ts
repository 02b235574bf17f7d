import { CLOCK_BATCH_MAX_EVENTS, transition } from '@ciao/domain';
import type { ClockEventInput, ClockState } from '@ciao/domain';
import type { QueuedEvent } from '../local-db';

/** The server's answer for one event, as both the single and the batch route give it. */
export interface EventResult {
  id: string;
  outcome: 'recorded' | 'already_recorded' | 'refused';
  code?: string;
  message?: string;
  event?: { onssStatus: string | null; flags: string[] };
}

export interface ServerState {
  status: 'OFF' | 'WORKING' | 'ON_BREAK';
  taskId: string | null;
  since: string | null;
}

const byDeviceTime = (a: QueuedEvent, b: QueuedEvent) =>
  a.deviceTime === b.deviceTime ? 0 : Date.parse(a.deviceTime) - Date.parse(b.deviceTime);

/** The events waiting to be sent, oldest tap first: the server applies them in that order. */
export function sendOrder(events: readonly QueuedEvent[]): QueuedEvent[] {
  return events.filter((event) => event.status === 'pending').sort(byDeviceTime);
}

/** Splits into requests of at most 500 events (the batch route's limit), keeping the order. */
export function toBatches<T>(events: readonly T[], size = CLOCK_BATCH_MAX_EVENTS): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < events.length; start += size) batches.push(events.slice(start, start + size));
  return batches;
}

/** The request body of one queued event. */
export function toRequestBody(event: QueuedEvent): ClockEventInput {
  return {
    id: event.id,
    taskId: event.taskId,
    action: event.action,
    deviceTime: event.deviceTime,
    position: event.position,
    appVersion: event.appVersion,
    capturedOffline: event.capturedOffline,
  };
}

/**
 * What to write back for one result: recorded and already_recorded are both successes (a replay
 * is harmless), refused keeps the server's reason to show it.
 */
export function patchForResult(result: EventResult, now: Date): Partial<QueuedEvent> {
  if (result.outcome === 'refused') {
    return { status: 'refused', code: result.code ?? 'REFUSED', message: result.message ?? '' };
  }
  return {
    status: 'sent',
    sentAt: now.toISOString(),
    onssStatus: result.event?.onssStatus ?? null,
    flags: result.event?.flags ?? [],
  };
}

/** Waiting time before the next try: 5 s, 10 s, 20 s… up to 5 minutes, with a little jitter. */
export function retryDelayMs(failures: number, random = Math.random()): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, failures), 5 * 60_000);
  return Math.round(base * (0.8 + 0.4 * random));
}

/** The domain's state from the server's answer (or the cached one). */
export function fromServerState(state: ServerState | undefined): ClockState {
  if (!state || state.status === 'OFF' || !state.taskId || !state.since) return { status: 'OFF' };
  return { status: state.status, taskId: state.taskId, since: new Date(state.since) };
}

/**
 * Where the agent stands on this phone: the last state the server gave, then the registrations
 * still waiting to be sent, applied with the domain's state machine (so the right buttons are
 * enabled offline too). A queued event the machine refuses is skipped, as the server will.
 */
export function localClockState(
  server: ServerState | undefined,
  pending: readonly QueuedEvent[],
): ClockState {
  let state = fromServerState(server);
  for (const event of sendOrder(pending)) {
    const next = transition(state, {
      action: event.action,
      taskId: event.taskId,
      at: new Date(event.deviceTime),
    });
    if (next.ok) state = next.state;
  }
  return state;
}

/**
 * Working and break time of the current (or last) session of a task, from this phone's
 * registrations: the segments since the last arrival, up to `now` for the open one.
 */
export function sessionTimes(
  events: readonly Pick<QueuedEvent, 'action' | 'deviceTime' | 'status'>[],
  now: Date,
): { workMs: number; breakMs: number } {
  const kept = events
    .filter((event) => event.status !== 'refused')
    .sort((a, b) => Date.parse(a.deviceTime) - Date.parse(b.deviceTime));
  let startIndex = -1;
  kept.forEach((event, index) => {
    if (event.action === 'ARRIVE') startIndex = index;
  });
  if (startIndex < 0) return { workMs: 0, breakMs: 0 };
  let workMs = 0;
  let breakMs = 0;
  const session = kept.slice(startIndex);
  session.forEach((event, index) => {
    const start = Date.parse(event.deviceTime);
    const next = session[index + 1];
    if (event.action === 'LEAVE') return;
    const end = next ? Date.parse(next.deviceTime) : now.getTime();
    const span = Math.max(0, end - start);
    if (event.action === 'PAUSE') breakMs += span;
    else workMs += span;
  });
  return { workMs, breakMs };
}
