import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { clients, sites, taskAgents, tasks, workSessions } from '../../db/schema/index.js';

const taskColumns = {
  id: tasks.id,
  name: tasks.name,
  active: tasks.active,
  schedule: tasks.schedule,
  validFrom: tasks.validFrom,
  validUntil: tasks.validUntil,
  siteId: sites.id,
  siteName: sites.name,
  siteActive: sites.active,
  clientId: clients.id,
  clientName: clients.name,
};

function selectTasks(db: Db) {
  return db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(sites, and(eq(sites.id, tasks.siteId), eq(sites.tenantId, tasks.tenantId)))
    .innerJoin(clients, and(eq(clients.id, sites.clientId), eq(clients.tenantId, sites.tenantId)));
}

/** One task of the company with what the visibility rules need of it and of its site. */
export async function findTaskForVisibility(db: Db, tenantId: string, taskId: string) {
  const [row] = await selectTasks(db)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, taskId)))
    .limit(1);
  return row;
}

/** Every task an agent is linked to, by site then task name (as the agent app orders them). */
export async function listLinkedTasks(db: Db, tenantId: string, agentId: string) {
  return selectTasks(db)
    .innerJoin(
      taskAgents,
      and(
        eq(taskAgents.taskId, tasks.id),
        eq(taskAgents.tenantId, tasks.tenantId),
        eq(taskAgents.agentId, agentId),
      ),
    )
    .where(eq(tasks.tenantId, tenantId))
    .orderBy(asc(sites.name), asc(tasks.name));
}

export async function isLinked(db: Db, tenantId: string, agentId: string, taskId: string) {
  const [row] = await db
    .select({ taskId: taskAgents.taskId })
    .from(taskAgents)
    .where(
      and(eq(taskAgents.tenantId, tenantId), eq(taskAgents.agentId, agentId), eq(taskAgents.taskId, taskId)),
    )
    .limit(1);
  return row !== undefined;
}

/** The task of the agent's open registration, if any: the app shows it whatever the rules say. */
export async function openSessionTaskId(db: Db, tenantId: string, agentId: string) {
  const [row] = await db
    .select({ taskId: workSessions.taskId })
    .from(workSessions)
    .where(
      and(
        eq(workSessions.tenantId, tenantId),
        eq(workSessions.agentId, agentId),
        ne(workSessions.state, 'CLOSED'),
      ),
    )
    .limit(1);
  return row?.taskId;
}
