import type { TaskListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listTasks as selectTasks } from './task-repository.js';

/** One page of the company's tasks. */
export async function listTasks(ctx: AppContext, caller: Caller, query: TaskListQuery) {
  return selectTasks(ctx.db, caller.tenantId, query);
}
