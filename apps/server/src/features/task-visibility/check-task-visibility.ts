import { DomainError, plannedPeriodsOn, taskVisibilityReasons, type TaskVisibilityView } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findTaskForVisibility, isLinked, openSessionTaskId } from './task-visibility-repository.js';
import { visibilityAgent } from './visibility-inputs.js';

/**
 * "Why can't this agent see this task?": every reason, from the same rules as the agent app's task
 * list, for today in the company's time zone. Agent and task must both be the caller's company's.
 */
export async function checkTaskVisibility(
  ctx: AppContext,
  caller: Caller,
  agentId: string,
  taskId: string,
): Promise<TaskVisibilityView> {
  const { agent, today, timeZone, credentialsChecked } = await visibilityAgent(
    ctx.db,
    caller,
    agentId,
    ctx.now(),
  );
  const task = await findTaskForVisibility(ctx.db, caller.tenantId, taskId);
  if (!task) throw new DomainError('NOT_FOUND', 'This task does not exist.');
  const linked = await isLinked(ctx.db, caller.tenantId, agentId, taskId);
  const reasons = taskVisibilityReasons({ agent, task, site: { active: task.siteActive }, linked, today });
  return {
    agentId,
    taskId,
    date: today,
    visible: reasons.length === 0,
    plannedToday: plannedPeriodsOn(task.schedule, today, timeZone).length > 0,
    reasons,
    openSession: (await openSessionTaskId(ctx.db, caller.tenantId, agentId)) === taskId,
    credentialsChecked,
  };
}
