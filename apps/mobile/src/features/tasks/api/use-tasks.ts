import { agentClockState, agentTasksResponse } from '@ciao/domain';
import type { z } from 'zod';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../lib/api';
import { db, readCache, writeCache } from '../../../lib/local-db';
import { stateCacheKey } from '../../../lib/queue/sync';

type TasksAnswer = z.infer<typeof agentTasksResponse>;

export interface TasksView {
  data: TasksAnswer | undefined;
  /** When the list shown was received; set when it comes from the phone's copy. */
  cachedAt: string | undefined;
  error: unknown;
  loading: boolean;
  refresh: () => void;
}

/** Today's tasks: the phone's copy at once, then the server's (kept for the next offline start). */
export function useTasks(agentId: string, token: string): TasksView {
  const [data, setData] = useState<TasksAnswer>();
  const [cachedAt, setCachedAt] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const key = `tasks:${agentId}`;

  // State is only set after the answer, so that the effect below starts it without a cascade.
  const fetchTasks = useCallback(() => {
    void (async () => {
      try {
        const answer = await api('/api/agent/v1/tasks', agentTasksResponse, { token });
        setError(undefined);
        setData(answer);
        setCachedAt(undefined);
        await writeCache(key, answer);
        // The server's state is only taken when nothing waits: a waiting tap is not in it yet.
        if ((await db.events.where({ agentId, status: 'pending' }).count()) === 0) {
          const state = await api('/api/agent/v1/state', agentClockState, { token });
          if ((await db.events.where({ agentId, status: 'pending' }).count()) === 0) {
            await writeCache(stateCacheKey(agentId), state);
          }
        }
      } catch (caught) {
        setError(caught);
      } finally {
        setLoading(false);
      }
    })();
  }, [agentId, token, key]);

  useEffect(() => {
    void readCache<TasksAnswer>(key).then((cached) => {
      if (!cached) return;
      setData((current) => current ?? cached.value);
      setCachedAt((current) => current ?? cached.savedAt);
    });
    fetchTasks();
  }, [key, fetchTasks]);

  const refresh = useCallback(() => {
    setLoading(true);
    setError(undefined);
    fetchTasks();
  }, [fetchTasks]);

  return { data, cachedAt: error ? cachedAt : undefined, error, loading, refresh };
}
