import type { UpdateTaskRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireTaskRow } from './get-task.js';
import { taskAuditSnapshot } from './task-presenter.js';
import { updateTask as saveTask, type TaskValues } from './task-repository.js';
import { checkTaskFields } from './task-validation.js';

const copiedFields = [
  'siteId',
  'groupId',
  'name',
  'description',
  'active',
  'schedule',
  'validFrom',
  'validUntil',
] as const;

/** Changes a task; only the fields sent change; the schedule is replaced as a whole. */
export async function updateTask(ctx: AppContext, caller: Caller, taskId: string, input: UpdateTaskRequest) {
  const current = await requireTaskRow(ctx.db, caller.tenantId, taskId);
  await checkTaskFields(ctx.db, caller.tenantId, input, {
    validFrom: input.validFrom === undefined ? current.validFrom : input.validFrom,
    validUntil: input.validUntil === undefined ? current.validUntil : input.validUntil,
  });
  const changes: Partial<TaskValues> = {};
  for (const field of copiedFields) {
    if (input[field] !== undefined) Object.assign(changes, { [field]: input[field] });
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await saveTask(tx, caller.tenantId, taskId, changes, now);
    const updated = await requireTaskRow(tx, caller.tenantId, taskId);
    await recordCallerAudit(tx, caller, {
      action: 'task.updated',
      entityType: 'task',
      entityId: taskId,
      ...auditDiff(taskAuditSnapshot(current), taskAuditSnapshot(updated)),
    });
    return updated;
  });
}
