import { can, type Role } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { findWebSession } from '../auth/web-session-repository.js';

/**
 * Whether the web session behind an open presence stream may still read presence: not signed out,
 * not expired (absolute or idle limit), the user still active with a role that reads registrations,
 * the company still active. A stream outlives the request that opened it, so it is asked again.
 */
export async function streamSessionStillAllowed(ctx: AppContext, sessionIdHash: string): Promise<boolean> {
  const found = await findWebSession(ctx.db, sessionIdHash);
  if (!found) return false;
  const { session, user, tenant } = found;
  const now = ctx.now().getTime();
  const idleLimit = session.lastSeenAt.getTime() + ctx.sessions.idleMinutes * 60_000;
  return (
    session.expiresAt.getTime() > now &&
    idleLimit > now &&
    user.active &&
    tenant.status === 'active' &&
    can(user.role as Role, 'registrations.read')
  );
}
