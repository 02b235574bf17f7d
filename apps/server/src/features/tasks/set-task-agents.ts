import { DomainError, type FieldError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireTaskRow } from './get-task.js';
import { existingAgentIds, linkAgents, listTaskAgents, unlinkAgents } from './task-repository.js';

/**
 * Replaces the agents linked to a task with `agentIds` (all of them the company's own), and audits
 * what was added and removed. Unlinking does not end an open work session: the agent app keeps
 * showing the task with an open session so that its end can still be registered.
 */
export async function setTaskAgents(ctx: AppContext, caller: Caller, taskId: string, agentIds: string[]) {
  await requireTaskRow(ctx.db, caller.tenantId, taskId);
  const known = await existingAgentIds(ctx.db, caller.tenantId, agentIds);
  const errors: FieldError[] = agentIds.flatMap((agentId, index) =>
    known.has(agentId)
      ? []
      : [{ path: `agentIds.${index}`, code: 'AGENT_NOT_FOUND', message: 'is not an agent of this company' }],
  );
  if (errors.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Some agents are unknown: fix the list and send it again.', {
      fieldErrors: errors,
    });
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = (await listTaskAgents(tx, caller.tenantId, taskId)).map((agent) => agent.id);
    const wanted = new Set(agentIds);
    const added = agentIds.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !wanted.has(id));
    await unlinkAgents(tx, caller.tenantId, taskId, removed);
    await linkAgents(tx, caller.tenantId, taskId, added, now);
    await recordCallerAudit(tx, caller, {
      action: 'task.agentsChanged',
      entityType: 'task',
      entityId: taskId,
      before: { agentIds: before },
      after: { agentIds, added, removed },
    });
    return listTaskAgents(tx, caller.tenantId, taskId);
  });
}
