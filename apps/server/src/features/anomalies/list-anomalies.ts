import type { AnomalyListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listAnomalies as selectAnomalies } from './anomaly-repository.js';

/** One page of the company's anomalies, newest first, with the total for the pager. */
export async function listAnomalies(ctx: AppContext, caller: Caller, query: AnomalyListQuery) {
  return selectAnomalies(ctx.db, caller.tenantId, query);
}
