import type { CreateTaskGroupRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireTaskGroupRow, taskGroupAuditSnapshot } from './task-group-presenter.js';
import { insertTaskGroup } from './task-group-repository.js';

export async function createTaskGroup(ctx: AppContext, caller: Caller, input: CreateTaskGroupRequest) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const id = await insertTaskGroup(
      tx,
      caller.tenantId,
      { name: input.name, description: input.description ?? null, active: input.active },
      now,
    );
    const created = await requireTaskGroupRow(tx, caller.tenantId, id);
    await recordCallerAudit(tx, caller, {
      action: 'taskGroup.created',
      entityType: 'task_group',
      entityId: id,
      after: taskGroupAuditSnapshot(created),
    });
    return created;
  });
}
