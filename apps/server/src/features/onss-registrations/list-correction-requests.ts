import type { CorrectionRequestListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listCorrectionRequests as selectRequests } from './correction-request-repository.js';

/** One page of the company's correction requests, newest first. */
export async function listCorrectionRequests(
  ctx: AppContext,
  caller: Caller,
  query: CorrectionRequestListQuery,
) {
  return selectRequests(ctx.db, caller.tenantId, query);
}
