import { can, type AgentListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listAgents as selectAgents } from './agent-repository.js';

/** One page of the company's agents. */
export async function listAgents(ctx: AppContext, caller: Caller, query: AgentListQuery) {
  return selectAgents(ctx.db, caller.tenantId, query, {
    searchCredentials: can(caller.role, 'agentCredentials.read'),
  });
}
