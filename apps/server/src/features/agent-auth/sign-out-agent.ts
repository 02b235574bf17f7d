import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { revokeAgentToken } from './agent-token-repository.js';

/** Ends the agent's session on this device: its token stops working at once. */
export async function signOutAgent(
  ctx: AppContext,
  input: {
    tenantId: string;
    agentId: string;
    deviceId: string;
    tokenId: string;
    ip: string;
    requestId: string;
  },
) {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeAgentToken(tx, input.tenantId, input.tokenId, now))) return;
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: { type: 'agent', id: input.agentId },
      action: 'agent.signed_out',
      entityType: 'agent',
      entityId: input.agentId,
      after: { deviceId: input.deviceId },
      ip: input.ip,
      requestId: input.requestId,
    });
  });
}
