import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, clients, sites, tasks, tenants, workSessions } from '../../db/schema/index.js';

/** The company's time zone and settings (the anomaly thresholds), read once per snapshot. */
export async function findTenantClock(db: Db, tenantId: string) {
  const [row] = await db
    .select({ timeZone: tenants.timeZone, settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return row;
}

/** Every open work session of the company (one per agent at most), with who, what and where. */
export async function findOpenSessions(db: Db, tenantId: string) {
  return db
    .select({
      id: workSessions.id,
      state: workSessions.state,
      startedAt: workSessions.startedAt,
      lastEventAt: workSessions.lastEventAt,
      agent: {
        id: agents.id,
        identifier: agents.identifier,
        firstName: agents.firstName,
        lastName: agents.lastName,
      },
      task: { id: tasks.id, name: tasks.name },
      site: { id: sites.id, name: sites.name },
      client: { id: clients.id, name: clients.name },
    })
    .from(workSessions)
    .innerJoin(agents, and(eq(agents.tenantId, workSessions.tenantId), eq(agents.id, workSessions.agentId)))
    .innerJoin(tasks, and(eq(tasks.tenantId, workSessions.tenantId), eq(tasks.id, workSessions.taskId)))
    .innerJoin(sites, and(eq(sites.tenantId, workSessions.tenantId), eq(sites.id, workSessions.siteId)))
    .innerJoin(clients, and(eq(clients.tenantId, sites.tenantId), eq(clients.id, sites.clientId)))
    .where(and(eq(workSessions.tenantId, tenantId), ne(workSessions.state, 'CLOSED')));
}

/** Names of some agents, for the expected list. */
export async function findAgentNames(db: Db, tenantId: string, agentIds: readonly string[]) {
  if (agentIds.length === 0) return [];
  return db
    .select({
      id: agents.id,
      identifier: agents.identifier,
      firstName: agents.firstName,
      lastName: agents.lastName,
    })
    .from(agents)
    .where(and(eq(agents.tenantId, tenantId), inArray(agents.id, [...agentIds])));
}

/** Names of some tasks with their site and client, for the expected list. */
export async function findTaskPlaces(db: Db, tenantId: string, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select({
      task: { id: tasks.id, name: tasks.name },
      site: { id: sites.id, name: sites.name },
      client: { id: clients.id, name: clients.name },
    })
    .from(tasks)
    .innerJoin(sites, and(eq(sites.tenantId, tasks.tenantId), eq(sites.id, tasks.siteId)))
    .innerJoin(clients, and(eq(clients.tenantId, sites.tenantId), eq(clients.id, sites.clientId)))
    .where(and(eq(tasks.tenantId, tenantId), inArray(tasks.id, [...taskIds])));
}
