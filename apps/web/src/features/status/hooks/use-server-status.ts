import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { getHealthReady, listChecks } from '../api/health-ready';
import type { CheckResult, HealthReady } from '../api/health-ready';
import { getMeta } from '../api/meta';

export const statusQueryKeys = {
  healthReady: ['status', 'health-ready'] as const,
  meta: ['status', 'meta'] as const,
};

const HEALTH_POLL_MS = 60_000;

// No automatic retry: a failed check is shown at once (after at most the request timeout) and
// the next poll, or the "check again" button, tries again.
export function useHealthReady() {
  return useQuery({
    queryKey: statusQueryKeys.healthReady,
    queryFn: ({ signal }) => getHealthReady(signal),
    retry: false,
    // Always stale: coming back online or to the tab checks again at once.
    staleTime: 0,
    refetchInterval: HEALTH_POLL_MS,
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
  health: Pick<UseQueryResult<HealthReady>, 'status' | 'data' | 'error'>,
): ServerState {
  if (health.status === 'error') return { kind: 'unreachable', error: health.error };
  if (health.status === 'pending' || !health.data) return { kind: 'checking' };
  return {
    kind: health.data.status === 'ok' ? 'ready' : 'not-ready',
    checks: listChecks(health.data.checks),
  };
}
