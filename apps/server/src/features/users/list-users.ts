import type { UserListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listUsers as selectUsers } from './user-repository.js';

/** One page of the company's web users (agents' automatic users included). */
export async function listUsers(ctx: AppContext, caller: Caller, query: UserListQuery) {
  return selectUsers(ctx.db, caller.tenantId, query);
}
