import { listAllLicenceRequests } from '../licence-requests/licence-request-repository.js';
import type { PlatformContext } from './platform-context.js';

/** Every company's licence requests, the open ones first (read only: not audited). */
export async function listLicenceRequests(
  ctx: Pick<PlatformContext, 'db'>,
  status?: 'open' | 'answered' | 'refused',
) {
  return listAllLicenceRequests(ctx.db, status);
}
