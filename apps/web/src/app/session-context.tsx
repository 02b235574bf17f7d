import type { SessionInfo } from '@ciao/domain';
import { createContext, use } from 'react';

export const SessionContext = createContext<SessionInfo | undefined>(undefined);

/** The signed-in session, for pages under the session guard. */
export function useSignedIn(): SessionInfo {
  const session = use(SessionContext);
  if (!session) throw new Error('useSignedIn is only for pages under <RequireSession>');
  return session;
}
