import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findCompany } from './company-repository.js';

export async function requireCompany(db: Db, tenantId: string) {
  const row = await findCompany(db, tenantId);
  if (!row) throw new DomainError('NOT_FOUND', 'This company does not exist.');
  return row;
}

/** The caller's own company: there is no company id in the route, the session says which. */
export async function getCompany(ctx: AppContext, caller: Caller) {
  return requireCompany(ctx.db, caller.tenantId);
}
