import type { SubcontractorListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listSubcontractors as selectSubcontractors } from './subcontractor-repository.js';

export async function listSubcontractors(ctx: AppContext, caller: Caller, query: SubcontractorListQuery) {
  return selectSubcontractors(ctx.db, caller.tenantId, query);
}
