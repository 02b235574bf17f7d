import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api';
import { db } from '../local-db';
import { retryDelayMs } from './queue-logic';
import { syncQueue } from './sync';

// With nothing waiting, look again now and then (a registration may have been left by a crash).
const IDLE_CHECK_MS = 60_000;

export interface SyncLoop {
  syncNow: () => Promise<void>;
  lastError: ApiError | undefined;
  syncing: boolean;
}

/**
 * Sends the waiting registrations at start, when the connection comes back, after each tap
 * (`syncNow`) and periodically with a growing delay while the server cannot be reached.
 */
export function useSyncLoop(agentId: string, token: string): SyncLoop {
  const [lastError, setLastError] = useState<ApiError>();
  const [syncing, setSyncing] = useState(false);
  const failures = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const again = useRef<() => Promise<void>>(undefined);

  const syncNow = useCallback(async () => {
    clearTimeout(timer.current);
    setSyncing(true);
    let delay = IDLE_CHECK_MS;
    try {
      const outcome = await syncQueue(agentId, token);
      setLastError(outcome.error);
      if (outcome.error) {
        delay = retryDelayMs(failures.current);
        failures.current += 1;
      } else {
        failures.current = 0;
      }
    } catch (error) {
      console.error('Sync failed', error);
      delay = retryDelayMs(failures.current);
      failures.current += 1;
    } finally {
      setSyncing(false);
    }
    const waiting = await db.events.where({ agentId, status: 'pending' }).count();
    timer.current = setTimeout(() => void again.current?.(), waiting > 0 ? delay : IDLE_CHECK_MS);
  }, [agentId, token]);

  useEffect(() => {
    again.current = syncNow;
    const onOnline = () => {
      failures.current = 0;
      void syncNow();
    };
    // At app start (and sign-in): whatever was left waiting, by a crash or a closed app, goes now.
    timer.current = setTimeout(() => void syncNow(), 0);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      clearTimeout(timer.current);
    };
  }, [syncNow]);

  return { syncNow, lastError, syncing };
}
