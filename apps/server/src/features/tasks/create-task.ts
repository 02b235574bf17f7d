import type { CreateTaskRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireTaskRow } from './get-task.js';
import { taskAuditSnapshot } from './task-presenter.js';
import { insertTask } from './task-repository.js';
import { checkTaskFields } from './task-validation.js';

/** Creates a task on a site of the company; agents are linked afterwards (PUT …/agents). */
export async function createTask(ctx: AppContext, caller: Caller, input: CreateTaskRequest) {
  const validFrom = input.validFrom ?? null;
  const validUntil = input.validUntil ?? null;
  await checkTaskFields(ctx.db, caller.tenantId, input, { validFrom, validUntil });
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const id = await insertTask(
      tx,
      caller.tenantId,
      {
        siteId: input.siteId,
        groupId: input.groupId ?? null,
        name: input.name,
        description: input.description ?? null,
        active: input.active,
        schedule: input.schedule as CreateTaskSchedule,
        validFrom,
        validUntil,
      },
      now,
    );
    const created = await requireTaskRow(tx, caller.tenantId, id);
    await recordCallerAudit(tx, caller, {
      action: 'task.created',
      entityType: 'task',
      entityId: id,
      after: taskAuditSnapshot(created),
    });
    return created;
  });
}

type CreateTaskSchedule = Parameters<typeof insertTask>[2]['schedule'];
