import { maskNiss, type UpdateAgentRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { revokeAgentTokens } from '../agent-auth/agent-token-repository.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { revokeUserWebSessions } from '../auth/web-session-repository.js';
import { assertNotLockingOut } from '../users/update-user.js';
import { userAuditSnapshot } from '../users/user-presenter.js';
import { findUserOfAgent, updateUser, type UserChanges } from '../users/user-repository.js';
import { agentAuditSnapshot } from './agent-presenter.js';
import { updateAgent as saveAgent, type AgentValues } from './agent-repository.js';
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

const copiedFields = [
  'identifier',
  'firstName',
  'lastName',
  'limosaId',
  'agentType',
  'employmentStatus',
  'subcontractorId',
  'payrollNumber',
  'language',
  'email',
  'phone',
  'activeFrom',
  'activeUntil',
  'mobileAccess',
  'mobileIdentifier',
  'active',
] as const satisfies readonly (keyof UpdateAgentRequest & keyof AgentValues)[];

/**
 * Changes an agent; only the fields sent change. Deactivating it deactivates its web user, signs
 * that user out and revokes the agent's app tokens; removing app access revokes the tokens too.
 */
export async function updateAgent(
  ctx: AppContext,
  caller: Caller,
  agentId: string,
  input: UpdateAgentRequest,
) {
  const current = await requireAgentRow(ctx.db, caller.tenantId, agentId);
  // Both the agent as it is and as it would become must be within the caller's reach.
  assertMayWriteAgentType(caller.role, current.agentType);
  if (input.agentType !== undefined) assertMayWriteAgentType(caller.role, input.agentType);
  const linkedUser = await findUserOfAgent(ctx.db, caller.tenantId, agentId);
  const roleChanges = input.userRole !== undefined && input.userRole !== (linkedUser?.role ?? 'NONE');
  if (roleChanges) assertMayChooseUserRole(caller.role);
  if (input.mobileIdentifier !== undefined && input.mobileIdentifier !== current.mobileIdentifier)
    assertMaySetCredentials(caller.role, 'mobileIdentifier');
  if (linkedUser)
    assertNotLockingOut(
      caller,
      linkedUser.id,
      { role: input.userRole, active: input.active },
      { role: 'userRole', active: 'active' },
    );

  const now = ctx.now();
  const { niss } = await checkAgentFields(ctx.db, caller.tenantId, now, {
    niss: input.niss,
    subcontractorId: input.subcontractorId,
    activeFrom: input.activeFrom === undefined ? current.activeFrom : input.activeFrom,
    activeUntil: input.activeUntil === undefined ? current.activeUntil : input.activeUntil,
  });
  await assertIdentifiersFree(
    ctx.db,
    caller.tenantId,
    { identifier: input.identifier, mobileIdentifier: input.mobileIdentifier },
    agentId,
  );

  const changes: Partial<AgentValues> = {};
  for (const field of copiedFields) {
    if (input[field] !== undefined) Object.assign(changes, { [field]: input[field] });
  }
  if (niss !== undefined) changes.niss = niss;
  const deactivating = input.active === false;
  const reactivating = input.active === true && !current.active;
  const revokeTokens = deactivating || input.mobileAccess === false;

  try {
    return await ctx.db.transaction(async (tx) => {
      await saveAgent(tx, caller.tenantId, agentId, changes, now);
      if (revokeTokens) await revokeAgentTokens(tx, caller.tenantId, agentId, now);
      const agent = await requireAgentRow(tx, caller.tenantId, agentId);
      const diff = auditDiff(agentAuditSnapshot(current), agentAuditSnapshot(agent));
      // The audit keeps the NISS masked: a change of its hidden digits must still show as a change.
      if (current.niss !== agent.niss && !('niss' in diff.after)) {
        diff.before.niss = current.niss === null ? null : maskNiss(current.niss);
        diff.after.niss = agent.niss === null ? null : maskNiss(agent.niss);
      }
      await recordCallerAudit(tx, caller, {
        action: 'agent.updated',
        entityType: 'agent',
        entityId: agentId,
        before: diff.before,
        after: { ...diff.after, ...(revokeTokens ? { appTokensRevoked: true } : {}) },
      });

      let user = linkedUser;
      if (!user) {
        // An agent without a user (made before automatic users, or by an import) gets one when an
        // administrator gives it a role.
        if (roleChanges && input.userRole)
          user = await createLinkedUser(
            tx,
            caller,
            agent,
            { role: input.userRole, active: agent.active },
            now,
          );
      } else {
        const userChanges: UserChanges = {};
        if (roleChanges) userChanges.role = input.userRole;
        if (deactivating && user.active) userChanges.active = false;
        if (reactivating && !user.active) userChanges.active = true;
        if (Object.keys(userChanges).length > 0) {
          await updateUser(tx, caller.tenantId, user.id, userChanges, now);
          if (deactivating) await revokeUserWebSessions(tx, caller.tenantId, user.id, now);
          const updated = await findUserOfAgent(tx, caller.tenantId, agentId);
          if (updated) {
            await recordCallerAudit(tx, caller, {
              action: 'user.updated',
              entityType: 'web_user',
              entityId: user.id,
              ...auditDiff(userAuditSnapshot(user), userAuditSnapshot(updated)),
            });
            user = updated;
          }
        } else if (deactivating) {
          await revokeUserWebSessions(tx, caller.tenantId, user.id, now);
        }
      }
      return { agent, user };
    });
  } catch (error) {
    throw identifierConflict(error) ?? error;
  }
}
