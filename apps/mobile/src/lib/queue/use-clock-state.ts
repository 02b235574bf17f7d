import type { ClockState } from '@ciao/domain';
import { db } from '../local-db';
import type { QueuedEvent } from '../local-db';
import { useLiveQuery } from '../use-live-query';
import { localClockState } from './queue-logic';
import type { ServerState } from './queue-logic';
import { stateCacheKey } from './sync';

export interface LocalClock {
  state: ClockState;
  /** This agent's registrations kept on the phone (waiting, sent and refused). */
  events: QueuedEvent[];
  pending: QueuedEvent[];
}

/** The agent's state as this phone knows it: the server's last answer plus the waiting registrations. */
export function useLocalClock(agentId: string): LocalClock | undefined {
  return useLiveQuery(async () => {
    const [cached, events] = await Promise.all([
      db.cache.get(stateCacheKey(agentId)),
      db.events.where('agentId').equals(agentId).toArray(),
    ]);
    const pending = events.filter((event) => event.status === 'pending');
    return { state: localClockState(cached?.value as ServerState | undefined, pending), events, pending };
  }, [agentId]);
}
