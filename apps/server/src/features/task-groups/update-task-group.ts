import type { UpdateTaskGroupRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireTaskGroupRow, taskGroupAuditSnapshot } from './task-group-presenter.js';
import { updateTaskGroup as saveTaskGroup, type TaskGroupValues } from './task-group-repository.js';

/** Changes a task group; only the fields sent change. Its tasks keep their own active flag. */
export async function updateTaskGroup(
  ctx: AppContext,
  caller: Caller,
  taskGroupId: string,
  input: UpdateTaskGroupRequest,
) {
  const current = await requireTaskGroupRow(ctx.db, caller.tenantId, taskGroupId);
  const changes: Partial<TaskGroupValues> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.active !== undefined) changes.active = input.active;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await saveTaskGroup(tx, caller.tenantId, taskGroupId, changes, now);
    const updated = await requireTaskGroupRow(tx, caller.tenantId, taskGroupId);
    await recordCallerAudit(tx, caller, {
      action: 'taskGroup.updated',
      entityType: 'task_group',
      entityId: taskGroupId,
      ...auditDiff(taskGroupAuditSnapshot(current), taskGroupAuditSnapshot(updated)),
    });
    return updated;
  });
}
