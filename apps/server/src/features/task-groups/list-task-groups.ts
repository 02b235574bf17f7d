import type { TaskGroupListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listTaskGroups as selectTaskGroups } from './task-group-repository.js';

/** One page of the company's task groups. */
export async function listTaskGroups(ctx: AppContext, caller: Caller, query: TaskGroupListQuery) {
  return selectTaskGroups(ctx.db, caller.tenantId, query);
}
