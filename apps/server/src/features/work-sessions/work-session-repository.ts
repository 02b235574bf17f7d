import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agents,
  clockEvents,
  sites,
  tasks,
  webUsers,
  workSessionCorrections,
  workSessions,
} from '../../db/schema/index.js';

const sessionColumns = {
  session: workSessions,
  agentIdentifier: agents.identifier,
  agentFirstName: agents.firstName,
  agentLastName: agents.lastName,
  taskName: tasks.name,
  siteName: sites.name,
};

export type WorkSessionRow = Awaited<ReturnType<typeof findWorkSession>> & object;

export async function findWorkSession(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(sessionColumns)
    .from(workSessions)
    .innerJoin(agents, eq(agents.id, workSessions.agentId))
    .innerJoin(tasks, eq(tasks.id, workSessions.taskId))
    .innerJoin(sites, eq(sites.id, workSessions.siteId))
    .where(and(eq(workSessions.tenantId, tenantId), eq(workSessions.id, id)))
    .limit(1);
  return row;
}

export interface WorkSessionFilter {
  agentId?: string;
  siteId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listWorkSessions(db: Db, tenantId: string, filter: WorkSessionFilter) {
  const conditions: SQL[] = [eq(workSessions.tenantId, tenantId)];
  if (filter.agentId) conditions.push(eq(workSessions.agentId, filter.agentId));
  if (filter.siteId) conditions.push(eq(workSessions.siteId, filter.siteId));
  if (filter.from) conditions.push(gte(workSessions.workDate, filter.from));
  if (filter.to) conditions.push(lte(workSessions.workDate, filter.to));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(workSessions).where(where);
  const rows = await db
    .select(sessionColumns)
    .from(workSessions)
    .innerJoin(agents, eq(agents.id, workSessions.agentId))
    .innerJoin(tasks, eq(tasks.id, workSessions.taskId))
    .innerJoin(sites, eq(sites.id, workSessions.siteId))
    .where(where)
    .orderBy(desc(workSessions.workDate), desc(workSessions.startedAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows, total: total?.n ?? 0 };
}

export async function workSessionEventsAndCorrections(db: Db, tenantId: string, id: string) {
  const events = await db
    .select({
      id: clockEvents.id,
      action: clockEvents.action,
      deviceTime: clockEvents.deviceTime,
      flags: clockEvents.flags,
    })
    .from(clockEvents)
    .where(and(eq(clockEvents.tenantId, tenantId), eq(clockEvents.workSessionId, id)))
    .orderBy(asc(clockEvents.deviceTime));
  const corrections = await db
    .select({ correction: workSessionCorrections, correctedBy: webUsers.displayName })
    .from(workSessionCorrections)
    .innerJoin(webUsers, eq(webUsers.id, workSessionCorrections.correctedByUserId))
    .where(and(eq(workSessionCorrections.tenantId, tenantId), eq(workSessionCorrections.workSessionId, id)))
    .orderBy(asc(workSessionCorrections.createdAt));
  return { events, corrections };
}
