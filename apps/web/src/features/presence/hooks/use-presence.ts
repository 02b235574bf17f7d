import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getPresence, presenceStreamUrl } from '../api/presence-api';

const presenceKey = ['presence'] as const;

/**
 * The snapshot. It is fetched again on every change the stream announces, and once a minute
 * besides: "upcoming" turns into "awaited" and then "no-show" as time passes, without any event.
 */
export function usePresenceSnapshot() {
  return useQuery({
    queryKey: presenceKey,
    queryFn: ({ signal }) => getPresence(signal),
    refetchInterval: 60_000,
  });
}

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

// At most one fetch per second per board, the first at once: a busy company (or an offline sync
// of hundreds of registrations) must not turn every open board into a fetch per event.
const REFETCH_EVERY_MS = 1_000;
// When the server refuses the stream (signed out, restarted behind a proxy), try again after this.
const REOPEN_AFTER_MS = 5_000;

/**
 * The live side of the board: an EventSource on the presence stream. The browser reconnects by
 * itself after a network error (the server's `retry:`); a refused or ended stream is opened again
 * here. Each (re)connection and each change fetches the snapshot again: the stream carries no
 * replay (no `Last-Event-ID`), the snapshot is the truth.
 */
export function usePresenceStream(): StreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    let source: EventSource | undefined;
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let lastFetch = 0;
    const fetchNow = () => {
      refetchTimer = undefined;
      lastFetch = Date.now();
      void queryClient.invalidateQueries({ queryKey: presenceKey });
    };
    const refetch = () => {
      if (refetchTimer) return;
      const wait = lastFetch + REFETCH_EVERY_MS - Date.now();
      if (wait <= 0) fetchNow();
      else refetchTimer = setTimeout(fetchNow, wait);
    };
    const open = () => {
      if (stopped) return;
      source = new EventSource(presenceStreamUrl);
      source.addEventListener('ready', () => {
        setStatus('live');
        refetch();
      });
      source.addEventListener('presence', refetch);
      source.addEventListener('resync', refetch);
      source.addEventListener('signed-out', () => {
        // The snapshot's 401 takes the user to the sign-in page.
        source?.close();
        setStatus('reconnecting');
        refetch();
        clearTimeout(reopenTimer);
        reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
      });
      source.addEventListener('error', () => {
        setStatus('reconnecting');
        if (source?.readyState === EventSource.CLOSED) {
          clearTimeout(reopenTimer);
          reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
          refetch();
        }
      });
    };
    open();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(refetchTimer);
      clearTimeout(reopenTimer);
    };
  }, [queryClient]);

  return status;
}

/** The current time, moved every `everyMs`, for the live durations. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
