import type { TaskGroupListQuery } from '@ciao/domain';
import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { taskGroups } from '../../db/schema/index.js';

const taskGroupColumns = {
  id: taskGroups.id,
  name: taskGroups.name,
  description: taskGroups.description,
  active: taskGroups.active,
  // Spelled out: Drizzle leaves columns unqualified in a one-table select.
  taskCount: sql<number>`(
    select count(*) from tasks where tasks.tenant_id = task_groups.tenant_id and tasks.group_id = task_groups.id
  )`.mapWith(Number),
  createdAt: taskGroups.createdAt,
  updatedAt: taskGroups.updatedAt,
};

export type TaskGroupRow = NonNullable<Awaited<ReturnType<typeof findTaskGroup>>>;

const sortColumns = {
  name: { column: taskGroups.name, caseInsensitive: true },
  createdAt: { column: taskGroups.createdAt, caseInsensitive: false },
} as const;

export async function listTaskGroups(db: Db, tenantId: string, query: TaskGroupListQuery) {
  const conditions: SQL[] = [eq(taskGroups.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(or(ilike(taskGroups.name, pattern), ilike(taskGroups.description, pattern))!);
  }
  if (query.active !== undefined) conditions.push(eq(taskGroups.active, query.active));
  const where = and(...conditions);
  const sort = sortColumns[query.sort];
  const rows = await db
    .select(taskGroupColumns)
    .from(taskGroups)
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, taskGroups.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(taskGroups).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findTaskGroup(db: Db, tenantId: string, taskGroupId: string) {
  const [row] = await db
    .select(taskGroupColumns)
    .from(taskGroups)
    .where(and(eq(taskGroups.tenantId, tenantId), eq(taskGroups.id, taskGroupId)))
    .limit(1);
  return row;
}

export type TaskGroupValues = Pick<typeof taskGroups.$inferInsert, 'name' | 'description' | 'active'>;

export async function insertTaskGroup(db: Db, tenantId: string, values: TaskGroupValues, now: Date) {
  const [row] = await db
    .insert(taskGroups)
    .values({ ...values, tenantId, createdAt: now, updatedAt: now })
    .returning({ id: taskGroups.id });
  if (!row) throw new Error('task group not inserted');
  return row.id;
}

export async function updateTaskGroup(
  db: Db,
  tenantId: string,
  taskGroupId: string,
  changes: Partial<TaskGroupValues>,
  now: Date,
) {
  await db
    .update(taskGroups)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(taskGroups.tenantId, tenantId), eq(taskGroups.id, taskGroupId)));
}
