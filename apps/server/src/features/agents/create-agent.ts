import type { CreateAgentRequest } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { hashPassword } from '../../security/passwords.js';
import { recordCallerAudits } from '../audit/audit-repository.js';
import { agentAuditSnapshot } from './agent-presenter.js';
import { findAgents, insertAgents } from './agent-repository.js';
import {
  assertIdentifiersFree,
  assertMayChooseUserRole,
  assertMaySetCredentials,
  assertMayWriteAgentType,
  checkAgentFields,
  identifierConflict,
} from './agent-validation.js';
import { createLinkedUsers } from './linked-user.js';

/**
 * Creates an agent and, in the same transaction, its web user. The two manager roles may not create
 * ADM or GST agents; only an administrator chooses the user's role (NONE otherwise).
 */
export async function createAgent(ctx: AppContext, caller: Caller, input: CreateAgentRequest) {
  assertMayWriteAgentType(caller.role, input.agentType);
  // Sending the default (NONE) is not choosing a role: a shared form may always send it.
  if (input.userRole !== undefined && input.userRole !== 'NONE') assertMayChooseUserRole(caller.role);
  if (input.mobilePassword !== undefined) assertMaySetCredentials(caller.role, 'mobilePassword');
  if (input.mobileIdentifier !== undefined) assertMaySetCredentials(caller.role, 'mobileIdentifier');

  const now = ctx.now();
  const { niss } = await checkAgentFields(ctx.db, caller.tenantId, now, input);
  const mobileIdentifier = input.mobileIdentifier ?? input.identifier;
  await assertIdentifiersFree(ctx.db, caller.tenantId, { identifier: input.identifier, mobileIdentifier });
  // argon2 is slow by design: hash before the transaction, which stays short.
  const mobilePasswordHash = input.mobilePassword ? await hashPassword(input.mobilePassword) : null;

  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await insertAgentsWithUsers(
        tx,
        caller,
        [{ input, niss: niss ?? null, mobileIdentifier, mobilePasswordHash }],
        now,
      );
      return created!;
    });
  } catch (error) {
    throw identifierConflict(error) ?? error;
  }
}

/** What an agent's creation writes once its checks passed: the request and the checked values. */
export interface CheckedAgentCreation {
  input: CreateAgentRequest;
  niss: string | null;
  mobileIdentifier: string;
  mobilePasswordHash: string | null;
}

/**
 * The writes of agents' creation, in the caller's transaction and in a few statements whatever
 * their number (an import): the agents, an audit row each, their web users (with theirs). The
 * checks are the caller's to make first (createAgent, or an import that checks a whole file).
 */
export async function insertAgentsWithUsers(
  tx: Db,
  caller: Caller,
  items: readonly CheckedAgentCreation[],
  now: Date,
) {
  const agentIds = await insertAgents(
    tx,
    caller.tenantId,
    items.map(({ input, niss, mobileIdentifier, mobilePasswordHash }) => ({
      identifier: input.identifier,
      firstName: input.firstName,
      lastName: input.lastName,
      niss,
      limosaId: input.limosaId ?? null,
      agentType: input.agentType,
      employmentStatus: input.employmentStatus,
      subcontractorId: input.subcontractorId ?? null,
      payrollNumber: input.payrollNumber ?? null,
      language: input.language,
      email: input.email ?? null,
      phone: input.phone ?? null,
      mobileAccess: input.mobileAccess,
      mobileIdentifier,
      mobilePasswordHash,
      activeFrom: input.activeFrom ?? null,
      activeUntil: input.activeUntil ?? null,
      active: input.active,
    })),
    now,
  );
  const byId = new Map((await findAgents(tx, caller.tenantId, agentIds)).map((agent) => [agent.id, agent]));
  const created = agentIds.map((id) => {
    const agent = byId.get(id);
    if (!agent) throw new Error('agent not found after insert');
    return agent;
  });
  await recordCallerAudits(
    tx,
    caller,
    created.map((agent) => ({
      action: 'agent.created',
      entityType: 'agent',
      entityId: agent.id,
      after: agentAuditSnapshot(agent),
    })),
  );
  const users = await createLinkedUsers(
    tx,
    caller,
    created.map((agent, index) => ({
      agent,
      access: { role: items[index]!.input.userRole ?? 'NONE', active: items[index]!.input.active },
    })),
    now,
  );
  return created.map((agent, index) => ({ agent, user: users[index]! }));
}
