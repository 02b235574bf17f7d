import type { HealthReadyResponse, MetaResponse } from '@ciao/domain';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { getHealthReady, listChecks } from '../api/health-ready';
import type { CheckResult } from '../api/health-ready';
import { getMeta } from '../api/meta';

export const statusQueryKeys = {
  healthReady: ['status', 'health-ready'] as const,
  meta: ['status', 'meta'] as const,
};

export interface ServerStatusOptions {
  /** How often readiness is checked while the page is open, in milliseconds. */
  pollIntervalMs: number;
}

// No automatic retry: a failed check is shown at once (after at most the request timeout) and
// the next poll, or the "check again" button, tries again.
export function useHealthReady({ pollIntervalMs }: ServerStatusOptions) {
  return useQuery({
    queryKey: statusQueryKeys.healthReady,
    queryFn: ({ signal }) => getHealthReady(signal),
    retry: false,
    // Always stale: coming back online or to the tab checks again at once.
    staleTime: 0,
    refetchInterval: pollIntervalMs,
  });
}

export function useMeta() {
  return useQuery({
    queryKey: statusQueryKeys.meta,
    queryFn: ({ signal }) => getMeta(signal),
    retry: false,
    staleTime: 5 * 60_000,
  });
}

export type ServerState =
  | { kind: 'checking' }
  | { kind: 'unreachable'; error: unknown }
  | { kind: 'ready' | 'not-ready'; checks: CheckResult[] };

/**
 * What the latest readiness check says. A failed refetch wins over older data: a server that
 * answered a minute ago but not now is unreachable now.
 */
export function deriveServerState(
  health: Pick<UseQueryResult<HealthReadyResponse>, 'status' | 'data' | 'error'>,
): ServerState {
  if (health.status === 'error') return { kind: 'unreachable', error: health.error };
  if (health.status === 'pending' || !health.data) return { kind: 'checking' };
  return {
    kind: health.data.status === 'ok' ? 'ready' : 'not-ready',
    checks: listChecks(health.data.checks),
  };
}

export interface ServerStatus {
  state: ServerState;
  /** The latest `/api/meta` answer, if any. */
  meta: MetaResponse | undefined;
  /** A readiness or meta request is running. */
  isChecking: boolean;
  /** When the latest readiness answer or failure came (ms since the epoch); 0 before the first. */
  lastChecked: number;
  /** Asks readiness and meta again, unless a check is already running. */
  checkAgain: () => void;
}

/**
 * Whether the API server answers and is ready, and which version it runs, for a status panel.
 * Example: `const { state, meta, checkAgain } = useServerStatus({ pollIntervalMs: 60_000 })`.
 */
export function useServerStatus(options: ServerStatusOptions): ServerStatus {
  const health = useHealthReady(options);
  const meta = useMeta();
  const isChecking = health.isFetching || meta.isFetching;

  return {
    state: deriveServerState(health),
    meta: meta.data,
    isChecking,
    lastChecked: Math.max(health.dataUpdatedAt, health.errorUpdatedAt),
    checkAgain: () => {
      if (isChecking) return;
      void health.refetch();
      void meta.refetch();
    },
  };
}
