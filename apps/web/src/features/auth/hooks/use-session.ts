import type { SessionInfo } from '@ciao/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isSessionEnded } from '../../../lib/api';
import { getSession } from '../api/auth-api';

export const sessionQueryKey = ['auth', 'session'] as const;

/** The signed-in session; a 401 is an answer (not signed in), not something to retry. */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    retry: (failureCount, error) => !isSessionEnded(error) && failureCount < 1,
    staleTime: 5 * 60_000,
  });
}

/**
 * Stores the session a sign-in answered, so that the next page does not ask for it again; what
 * was cached for a previous user is dropped first.
 */
export function useStoreSession(): (session: SessionInfo) => void {
  const queryClient = useQueryClient();
  return (session) => {
    queryClient.clear();
    queryClient.setQueryData(sessionQueryKey, session);
  };
}
