import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { requireTaskRow } from './get-task.js';
import { listTaskAgents as selectTaskAgents } from './task-repository.js';

/** The agents linked to one task of the company. */
export async function listTaskAgents(ctx: AppContext, caller: Caller, taskId: string) {
  await requireTaskRow(ctx.db, caller.tenantId, taskId);
  return selectTaskAgents(ctx.db, caller.tenantId, taskId);
}
