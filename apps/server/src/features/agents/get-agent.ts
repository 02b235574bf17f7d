import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findUserOfAgent } from '../users/user-repository.js';
import { findAgent } from './agent-repository.js';

/** The agent, or NOT_FOUND: another company's agent is indistinguishable from a missing one. */
export async function requireAgentRow(db: Db, tenantId: string, agentId: string) {
  const row = await findAgent(db, tenantId, agentId);
  if (!row) throw new DomainError('NOT_FOUND', 'This agent does not exist.');
  return row;
}

/** One agent with its linked web user. */
export async function getAgent(ctx: AppContext, caller: Caller, agentId: string) {
  const agent = await requireAgentRow(ctx.db, caller.tenantId, agentId);
  const user = await findUserOfAgent(ctx.db, caller.tenantId, agentId);
  return { agent, user };
}
