import { and, eq, isNull, sql } from 'drizzle-orm';
import { BatchedLookup } from '../../db/batched-lookup.js';
import type { Db } from '../../db/client.js';
import { textArrayLiteral } from '../../db/query-helpers.js';
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

/**
 * The agents, devices and tenants behind agent tokens, by token hash (`hashes`: a `text[]`
 * literal). Every agent-app call runs it: it is built once per database and named, so that
 * PostgreSQL plans its four key look-ups once per connection.
 */
function agentTokensByHashQuery(db: Db) {
  return db
    .select({
      tokenHash: agentTokens.tokenHash,
      token: { id: agentTokens.id, revokedAt: agentTokens.revokedAt, lastUsedAt: agentTokens.lastUsedAt },
      device: { id: devices.id, revokedAt: devices.revokedAt },
      agent: {
        id: agents.id,
        active: agents.active,
        activeFrom: agents.activeFrom,
        activeUntil: agents.activeUntil,
        mobileAccess: agents.mobileAccess,
      },
      tenant: { id: tenants.id, code: tenants.code, status: tenants.status, timeZone: tenants.timeZone },
    })
    .from(agentTokens)
    .innerJoin(devices, eq(devices.id, agentTokens.deviceId))
    .innerJoin(agents, eq(agents.id, agentTokens.agentId))
    .innerJoin(tenants, eq(tenants.id, agentTokens.tenantId))
    .where(sql`${agentTokens.tokenHash} = any(${sql.placeholder('hashes')}::text[])`)
    .prepare('agent_tokens_by_hash');
}

const agentTokensByHash = new WeakMap<Db, ReturnType<typeof agentTokensByHashQuery>>();

/** The agents, devices and tenants behind agent tokens, by token hash. */
export async function findAgentTokens(db: Db, tokenHashes: readonly string[]) {
  let query = agentTokensByHash.get(db);
  if (!query) {
    query = agentTokensByHashQuery(db);
    agentTokensByHash.set(db, query);
  }
  return query.execute({ hashes: textArrayLiteral(tokenHashes) });
}

const agentTokenLookups = new WeakMap<
  Db,
  BatchedLookup<string, Awaited<ReturnType<typeof findAgentTokens>>[number]>
>();

/**
 * The agent, device and tenant behind an agent token, or undefined. Every agent-app call asks this
 * (the hottest route registers): the calls of one turn of the event loop share one query.
 */
export function findAgentToken(db: Db, tokenHash: string) {
  let lookup = agentTokenLookups.get(db);
  if (!lookup) {
    lookup = new BatchedLookup(
      (hashes) => findAgentTokens(db, hashes),
      (row) => row.tokenHash,
    );
    agentTokenLookups.set(db, lookup);
  }
  return lookup.load(tokenHash);
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

export async function insertAgentToken(
  db: Db,
  values: { tenantId: string; agentId: string; deviceId: string; tokenHash: string; now: Date },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(agentTokens)
    .values({ ...rest, createdAt: now, lastUsedAt: now })
    .returning({ id: agentTokens.id });
  if (!row) throw new Error('agent token not inserted');
  return row.id;
}

/** Revokes one token (sign-out); true when it was live. */
export async function revokeAgentToken(db: Db, tenantId: string, tokenId: string, now: Date) {
  const revoked = await db
    .update(agentTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(agentTokens.tenantId, tenantId), eq(agentTokens.id, tokenId), isNull(agentTokens.revokedAt)),
    )
    .returning({ id: agentTokens.id });
  return revoked.length > 0;
}

/**
 * Revokes the live tokens on a device: of one agent (a new sign-in replaces that agent's previous
 * token there), or of every agent (the app was re-activated: whatever it held is gone).
 */
export async function revokeDeviceAgentTokens(
  db: Db,
  tenantId: string,
  deviceId: string,
  now: Date,
  agentId?: string,
) {
  await db
    .update(agentTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(agentTokens.tenantId, tenantId),
        eq(agentTokens.deviceId, deviceId),
        agentId ? eq(agentTokens.agentId, agentId) : undefined,
        isNull(agentTokens.revokedAt),
      ),
    );
}
