import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { hashPassword } from '../../security/passwords.js';
import { revokeAgentTokens } from '../agent-auth/agent-token-repository.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { updateAgent } from './agent-repository.js';
import { assertMayWriteAgentType } from './agent-validation.js';
import { requireAgentRow } from './get-agent.js';

/**
 * Sets or resets an agent's mobile password and signs the agent out of the app on every device.
 * The password is only stored hashed and is never returned, to anyone.
 */
export async function setAgentMobilePassword(
  ctx: AppContext,
  caller: Caller,
  agentId: string,
  password: string,
) {
  const current = await requireAgentRow(ctx.db, caller.tenantId, agentId);
  assertMayWriteAgentType(caller.role, current.agentType);
  const mobilePasswordHash = await hashPassword(password);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await updateAgent(
      tx,
      caller.tenantId,
      agentId,
      { mobilePasswordHash, mobilePasswordChangedAt: now },
      now,
    );
    await revokeAgentTokens(tx, caller.tenantId, agentId, now);
    await recordCallerAudit(tx, caller, {
      action: 'agent.mobile_password_set',
      entityType: 'agent',
      entityId: agentId,
      before: { hasMobilePassword: current.hasMobilePassword },
      after: { hasMobilePassword: true, appTokensRevoked: true },
    });
  });
}
