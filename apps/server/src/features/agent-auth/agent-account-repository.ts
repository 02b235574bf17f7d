import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, tenants } from '../../db/schema/index.js';

const profileColumns = {
  id: agents.id,
  identifier: agents.identifier,
  firstName: agents.firstName,
  lastName: agents.lastName,
  language: agents.language,
};

/**
 * The agent of a company by the identifier typed in the agent app, matched case-insensitively on its
 * mobile identifier, with what the sign-in checks need (and its password hash, which never leaves
 * the use-case). An agent without a mobile identifier is found by its agent identifier (the mobile
 * identifier's default), so that it gets "no app access" rather than "wrong password"; an explicit
 * mobile identifier wins over another agent's identifier.
 */
export async function findAgentForSignIn(db: Db, tenantId: string, mobileIdentifier: string) {
  const [row] = await db
    .select({
      agent: {
        ...profileColumns,
        active: agents.active,
        activeFrom: agents.activeFrom,
        activeUntil: agents.activeUntil,
        mobileAccess: agents.mobileAccess,
        mobilePasswordHash: agents.mobilePasswordHash,
      },
      tenant: { id: tenants.id, code: tenants.code, name: tenants.name, timeZone: tenants.timeZone },
    })
    .from(agents)
    .innerJoin(tenants, eq(tenants.id, agents.tenantId))
    .where(
      and(
        eq(agents.tenantId, tenantId),
        or(
          eq(sql`upper(${agents.mobileIdentifier})`, sql`upper(${mobileIdentifier})`),
          and(
            isNull(agents.mobileIdentifier),
            eq(sql`upper(${agents.identifier})`, sql`upper(${mobileIdentifier})`),
          ),
        ),
      ),
    )
    .orderBy(sql`${agents.mobileIdentifier} is null`)
    .limit(1);
  return row;
}

/** Rehash at sign-in, unless the password was changed meanwhile (then the new one stays). */
export async function rehashAgentPassword(
  db: Db,
  tenantId: string,
  agentId: string,
  change: { from: string; to: string },
) {
  await db
    .update(agents)
    .set({ mobilePasswordHash: change.to })
    .where(
      and(eq(agents.tenantId, tenantId), eq(agents.id, agentId), eq(agents.mobilePasswordHash, change.from)),
    );
}

/** The agent-app view of an agent and its company. */
export async function findAgentProfile(db: Db, tenantId: string, agentId: string) {
  const [row] = await db
    .select({ agent: profileColumns, company: { code: tenants.code, name: tenants.name } })
    .from(agents)
    .innerJoin(tenants, eq(tenants.id, agents.tenantId))
    .where(and(eq(agents.tenantId, tenantId), eq(agents.id, agentId)))
    .limit(1);
  return row;
}

/** The company of a device principal, for the answers and messages of the agent app. */
export async function findCompany(db: Db, tenantId: string) {
  const [row] = await db
    .select({ id: tenants.id, code: tenants.code, name: tenants.name, timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return row;
}
