import { QueryClient } from '@tanstack/react-query';
import { RequestError } from '../lib/fetch-json';

/** Retry once on what may be transient (no answer, 5xx); never on a 4xx, which will not change. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  if (error instanceof RequestError && error.kind === 'http') return (error.status ?? 0) >= 500;
  return error instanceof RequestError && error.kind !== 'invalid-response';
}

/**
 * The TanStack Query client of a front end: requests fail visibly rather than pause offline, and
 * only what may be transient is retried. Example: `const [client] = useState(createQueryClient)`.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 'always': without a connection a query fails (after the request timeout) with a message
        // instead of pausing silently, which would leave a spinner on screen.
        networkMode: 'always',
        retry: shouldRetry,
        retryDelay: 1_000,
        staleTime: 30_000,
      },
      mutations: {
        networkMode: 'always',
        retry: false,
      },
    },
  });
}
