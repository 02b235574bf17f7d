import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findSite } from './site-repository.js';

/** The site, or NOT_FOUND: another company's site is indistinguishable from a missing one. */
export async function requireSiteRow(db: Db, tenantId: string, siteId: string) {
  const row = await findSite(db, tenantId, siteId);
  if (!row) throw new DomainError('NOT_FOUND', 'This site does not exist.');
  return row;
}

export async function getSite(ctx: AppContext, caller: Caller, siteId: string) {
  return requireSiteRow(ctx.db, caller.tenantId, siteId);
}
