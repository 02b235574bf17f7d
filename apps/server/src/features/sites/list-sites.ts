import type { SiteListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listSites as selectSites } from './site-repository.js';

/** One page of the company's sites. */
export async function listSites(ctx: AppContext, caller: Caller, query: SiteListQuery) {
  return selectSites(ctx.db, caller.tenantId, query);
}
