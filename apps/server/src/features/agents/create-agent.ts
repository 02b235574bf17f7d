import type { CreateAgentRequest, Role } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { hashPassword } from '../../security/passwords.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { agentAuditSnapshot } from './agent-presenter.js';
import { insertAgent } from './agent-repository.js';
import {
  assertIdentifiersFree,
  assertMayChooseUserRole,
  assertMaySetCredentials,
  assertMayWriteAgentType,
  checkAgentFields,
  identifierConflict,
} from './agent-validation.js';
import { requireAgentRow } from './get-agent.js';
import { createLinkedUser } from './linked-user.js';

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
    return await ctx.db.transaction((tx) =>
      insertAgentWithUser(
        tx,
        caller,
        input,
        { niss: niss ?? null, mobileIdentifier, mobilePasswordHash },
        now,
      ),
    );
  } catch (error) {
    throw identifierConflict(error) ?? error;
  }
}

/**
 * The writes of an agent's creation, in the caller's transaction: the agent, its audit row and its
 * web user (with its own audit row). The checks are the caller's to make first (createAgent, or an
 * import that checks a whole file).
 */
export async function insertAgentWithUser(
  tx: Db,
  caller: Caller,
  input: CreateAgentRequest,
  checked: { niss: string | null; mobileIdentifier: string; mobilePasswordHash: string | null },
  now: Date,
) {
  const { niss, mobileIdentifier, mobilePasswordHash } = checked;
  const agentId = await insertAgent(
    tx,
    caller.tenantId,
    {
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
    },
    now,
  );
  const agent = await requireAgentRow(tx, caller.tenantId, agentId);
  await recordCallerAudit(tx, caller, {
    action: 'agent.created',
    entityType: 'agent',
    entityId: agentId,
    after: agentAuditSnapshot(agent),
  });
  const role: Role = input.userRole ?? 'NONE';
  const user = await createLinkedUser(tx, caller, agent, { role, active: input.active }, now);
  return { agent, user };
}
