import { taskVisibilityReasons, type AgentTaskList } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listLinkedTasks } from './task-visibility-repository.js';
import { visibilityAgent } from './visibility-inputs.js';

/** The tasks an agent is linked to, each with whether the agent app shows it today and why not. */
export async function listAgentLinkedTasks(
  ctx: AppContext,
  caller: Caller,
  agentId: string,
): Promise<AgentTaskList> {
  const { agent, today, credentialsChecked } = await visibilityAgent(ctx.db, caller, agentId, ctx.now());
  const rows = await listLinkedTasks(ctx.db, caller.tenantId, agentId);
  return {
    agentId,
    date: today,
    credentialsChecked,
    items: rows.map((task) => {
      const reasons = taskVisibilityReasons({
        agent,
        task,
        site: { active: task.siteActive },
        linked: true,
        today,
      });
      return {
        id: task.id,
        name: task.name,
        siteId: task.siteId,
        siteName: task.siteName,
        clientId: task.clientId,
        clientName: task.clientName,
        active: task.active,
        validFrom: task.validFrom,
        validUntil: task.validUntil,
        visible: reasons.length === 0,
        reasons,
      };
    }),
  };
}
