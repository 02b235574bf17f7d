import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findTask } from './task-repository.js';

/** The task, or NOT_FOUND: another company's task is indistinguishable from a missing one. */
export async function requireTaskRow(db: Db, tenantId: string, taskId: string) {
  const row = await findTask(db, tenantId, taskId);
  if (!row) throw new DomainError('NOT_FOUND', 'This task does not exist.');
  return row;
}

export async function getTask(ctx: AppContext, caller: Caller, taskId: string) {
  return requireTaskRow(ctx.db, caller.tenantId, taskId);
}
