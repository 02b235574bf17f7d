import type { ClientListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listClients as selectClients } from './client-repository.js';

/** One page of the company's clients. */
export async function listClients(ctx: AppContext, caller: Caller, query: ClientListQuery) {
  return selectClients(ctx.db, caller.tenantId, query);
}
