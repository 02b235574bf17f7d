import type { TaskListQuery } from '@ciao/domain';
import { and, asc, count, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { agents, clients, sites, taskAgents, taskGroups, tasks } from '../../db/schema/index.js';

const taskColumns = {
  id: tasks.id,
  siteId: tasks.siteId,
  siteName: sites.name,
  clientId: clients.id,
  clientName: clients.name,
  groupId: tasks.groupId,
  groupName: taskGroups.name,
  name: tasks.name,
  description: tasks.description,
  active: tasks.active,
  schedule: tasks.schedule,
  validFrom: tasks.validFrom,
  validUntil: tasks.validUntil,
  agentCount: sql<number>`(
    select count(*) from task_agents
    where task_agents.tenant_id = ${tasks.tenantId} and task_agents.task_id = ${tasks.id}
  )`.mapWith(Number),
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
};

function selectTasks(db: Db) {
  return db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(sites, and(eq(sites.id, tasks.siteId), eq(sites.tenantId, tasks.tenantId)))
    .innerJoin(clients, and(eq(clients.id, sites.clientId), eq(clients.tenantId, sites.tenantId)))
    .leftJoin(taskGroups, and(eq(taskGroups.id, tasks.groupId), eq(taskGroups.tenantId, tasks.tenantId)));
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

const sortColumns = {
  name: { column: tasks.name, caseInsensitive: true },
  createdAt: { column: tasks.createdAt, caseInsensitive: false },
} as const;

export async function listTasks(db: Db, tenantId: string, query: TaskListQuery) {
  const conditions: SQL[] = [eq(tasks.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(
        ilike(tasks.name, pattern),
        ilike(tasks.description, pattern),
        ilike(sites.name, pattern),
        ilike(clients.name, pattern),
      )!,
    );
  }
  if (query.siteId) conditions.push(eq(tasks.siteId, query.siteId));
  if (query.clientId) conditions.push(eq(sites.clientId, query.clientId));
  if (query.groupId) conditions.push(eq(tasks.groupId, query.groupId));
  if (query.active !== undefined) conditions.push(eq(tasks.active, query.active));
  if (query.agentId)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(taskAgents)
          .where(
            and(
              eq(taskAgents.tenantId, tasks.tenantId),
              eq(taskAgents.taskId, tasks.id),
              eq(taskAgents.agentId, query.agentId),
            ),
          ),
      ),
    );
  const where = and(...conditions);
  const sort = sortColumns[query.sort];
  const rows = await selectTasks(db)
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, tasks.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db
    .select({ n: count() })
    .from(tasks)
    .innerJoin(sites, and(eq(sites.id, tasks.siteId), eq(sites.tenantId, tasks.tenantId)))
    .innerJoin(clients, and(eq(clients.id, sites.clientId), eq(clients.tenantId, sites.tenantId)))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findTask(db: Db, tenantId: string, taskId: string) {
  const [row] = await selectTasks(db)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, taskId)))
    .limit(1);
  return row;
}

export type TaskValues = Omit<typeof tasks.$inferInsert, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export async function insertTask(db: Db, tenantId: string, values: TaskValues, now: Date) {
  const [row] = await db
    .insert(tasks)
    .values({ ...values, tenantId, createdAt: now, updatedAt: now })
    .returning({ id: tasks.id });
  if (!row) throw new Error('task not inserted');
  return row.id;
}

export async function updateTask(
  db: Db,
  tenantId: string,
  taskId: string,
  changes: Partial<TaskValues>,
  now: Date,
) {
  await db
    .update(tasks)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, taskId)));
}

/** The agents linked to a task, by last then first name. */
export async function listTaskAgents(db: Db, tenantId: string, taskId: string) {
  return db
    .select({
      id: agents.id,
      identifier: agents.identifier,
      firstName: agents.firstName,
      lastName: agents.lastName,
      active: agents.active,
      mobileAccess: agents.mobileAccess,
    })
    .from(taskAgents)
    .innerJoin(agents, and(eq(agents.id, taskAgents.agentId), eq(agents.tenantId, taskAgents.tenantId)))
    .where(and(eq(taskAgents.tenantId, tenantId), eq(taskAgents.taskId, taskId)))
    .orderBy(asc(sql`lower(${agents.lastName})`), asc(sql`lower(${agents.firstName})`), asc(agents.id));
}

/** Which of these ids are agents of the company. */
export async function existingAgentIds(db: Db, tenantId: string, agentIds: string[]) {
  if (agentIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.tenantId, tenantId), inArray(agents.id, agentIds)));
  return new Set(rows.map((row) => row.id));
}

export async function linkAgents(db: Db, tenantId: string, taskId: string, agentIds: string[], now: Date) {
  if (agentIds.length === 0) return;
  await db
    .insert(taskAgents)
    .values(agentIds.map((agentId) => ({ tenantId, taskId, agentId, createdAt: now })))
    .onConflictDoNothing();
}

export async function unlinkAgents(db: Db, tenantId: string, taskId: string, agentIds: string[]) {
  if (agentIds.length === 0) return;
  await db
    .delete(taskAgents)
    .where(
      and(
        eq(taskAgents.tenantId, tenantId),
        eq(taskAgents.taskId, taskId),
        inArray(taskAgents.agentId, agentIds),
      ),
    );
}
