import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, agentTokens, devices, tenants } from '../../db/schema/index.js';

/** The device behind a device token, with its tenant, or undefined. */
export async function findDeviceByToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      device: { id: devices.id, revokedAt: devices.revokedAt, lastSeenAt: devices.lastSeenAt },
      tenant: { id: tenants.id, code: tenants.code, status: tenants.status },
    })
    .from(devices)
    .innerJoin(tenants, eq(tenants.id, devices.tenantId))
    .where(eq(devices.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** The agent, device and tenant behind an agent token, or undefined. */
export async function findAgentToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      token: { id: agentTokens.id, revokedAt: agentTokens.revokedAt },
      device: { id: devices.id, revokedAt: devices.revokedAt },
      agent: { id: agents.id, active: agents.active, mobileAccess: agents.mobileAccess },
      tenant: { id: tenants.id, code: tenants.code, status: tenants.status },
    })
    .from(agentTokens)
    .innerJoin(devices, eq(devices.id, agentTokens.deviceId))
    .innerJoin(agents, eq(agents.id, agentTokens.agentId))
    .innerJoin(tenants, eq(tenants.id, agentTokens.tenantId))
    .where(eq(agentTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function touchAgentToken(db: Db, tokenId: string, deviceId: string, now: Date) {
  await db.update(agentTokens).set({ lastUsedAt: now }).where(eq(agentTokens.id, tokenId));
  await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, deviceId));
}

/** Revokes every live token of an agent (password reset, deactivation, app access removed). */
export async function revokeAgentTokens(db: Db, tenantId: string, agentId: string, now: Date) {
  await db
    .update(agentTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(agentTokens.tenantId, tenantId),
        eq(agentTokens.agentId, agentId),
        isNull(agentTokens.revokedAt),
      ),
    );
}
