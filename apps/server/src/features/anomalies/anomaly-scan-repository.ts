import { and, asc, count, eq, gte, inArray, isNull, lt, min, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agents,
  anomalies,
  clockEvents,
  correctionRequestItems,
  correctionRequests,
  onssRegistrations,
  sites,
  taskAgents,
  tasks,
  tenants,
  workSessions,
} from '../../db/schema/index.js';

// What the scan reads: a few set-based queries per company, never one per agent.

const CHUNK = 1000;

async function inChunks<T, R>(items: readonly T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let index = 0; index < items.length; index += CHUNK)
    out.push(...(await run(items.slice(index, index + CHUNK))));
  return out;
}

export async function listActiveTenants(db: Db) {
  return db
    .select({ id: tenants.id, timeZone: tenants.timeZone, settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.status, 'active'));
}

/**
 * The sessions the rules look at: every open one, those changed recently (closed in the last day,
 * or completed by a late sync) and those of the last days (presence for the no-show rule), each
 * with its task's weekly schedule.
 */
export async function findScanSessions(
  db: Db,
  tenantId: string,
  window: { updatedSince: Date; workDateFrom: string },
) {
  return db
    .select({
      id: workSessions.id,
      agentId: workSessions.agentId,
      taskId: workSessions.taskId,
      siteId: workSessions.siteId,
      state: workSessions.state,
      workDate: workSessions.workDate,
      startedAt: workSessions.startedAt,
      endedAt: workSessions.endedAt,
      correctedEndedAt: workSessions.correctedEndedAt,
      workedSeconds: workSessions.workedSeconds,
      breakSeconds: workSessions.breakSeconds,
      updatedAt: workSessions.updatedAt,
      schedule: tasks.schedule,
    })
    .from(workSessions)
    .innerJoin(tasks, eq(tasks.id, workSessions.taskId))
    .where(
      and(
        eq(workSessions.tenantId, tenantId),
        or(
          ne(workSessions.state, 'CLOSED'),
          gte(workSessions.updatedAt, window.updatedSince),
          gte(workSessions.workDate, window.workDateFrom),
        ),
      ),
    );
}

/** The registrations of some sessions, in device-time order. */
export async function findSessionEvents(db: Db, tenantId: string, sessionIds: readonly string[]) {
  return inChunks(sessionIds, (part) =>
    db
      .select({
        id: clockEvents.id,
        workSessionId: clockEvents.workSessionId,
        action: clockEvents.action,
        at: clockEvents.deviceTime,
      })
      .from(clockEvents)
      .where(and(eq(clockEvents.tenantId, tenantId), inArray(clockEvents.workSessionId, part)))
      .orderBy(asc(clockEvents.deviceTime)),
  );
}

/**
 * Who is expected where: each agent linked to an active task on an active site, with the task's
 * schedule and validity, the agent's active dates and when the link was made. Agents without the
 * agent app cannot register, so they are not expected to.
 */
export async function findExpectedAttendance(db: Db, tenantId: string) {
  return db
    .select({
      agentId: taskAgents.agentId,
      taskId: taskAgents.taskId,
      siteId: tasks.siteId,
      linkedAt: taskAgents.createdAt,
      schedule: tasks.schedule,
      validFrom: tasks.validFrom,
      validUntil: tasks.validUntil,
      agentActiveFrom: agents.activeFrom,
      agentActiveUntil: agents.activeUntil,
    })
    .from(taskAgents)
    .innerJoin(tasks, eq(tasks.id, taskAgents.taskId))
    .innerJoin(sites, eq(sites.id, tasks.siteId))
    .innerJoin(agents, eq(agents.id, taskAgents.agentId))
    .where(
      and(
        eq(taskAgents.tenantId, tenantId),
        eq(tasks.active, true),
        eq(sites.active, true),
        eq(agents.active, true),
        eq(agents.mobileAccess, true),
      ),
    );
}

/**
 * ONSS registrations in some statuses made in a time range, with their task and session, left out
 * those whose cause already has its anomaly (`onssCandidates`: ONSS_REFUSED for a refused one,
 * ONSS_NOT_CONFIRMED for the others), whatever its status: the scan runs every minute, and a
 * company without a working ONSS connection keeps weeks of unconfirmed rows.
 */
export async function findOnssRegistrations(
  db: Db,
  tenantId: string,
  filter: { statuses: readonly string[]; registeredFrom: Date; registeredBefore: Date },
) {
  // Each row's registration by its primary key (a lateral with a limit is never turned into a join):
  // joined as a whole, thousands of unconfirmed rows made PostgreSQL hash every registration ever
  // kept, at each minute's scan.
  const registration = db
    .select({ taskId: clockEvents.taskId, workSessionId: clockEvents.workSessionId })
    .from(clockEvents)
    .where(
      and(
        eq(clockEvents.tenantId, onssRegistrations.tenantId),
        eq(clockEvents.id, onssRegistrations.clockEventId),
      ),
    )
    .limit(1)
    .as('registration');
  return db
    .select({
      id: onssRegistrations.id,
      agentId: onssRegistrations.agentId,
      siteId: onssRegistrations.siteId,
      status: onssRegistrations.status,
      direction: onssRegistrations.direction,
      registrationTime: onssRegistrations.registrationTime,
      clockEventId: onssRegistrations.clockEventId,
      taskId: registration.taskId,
      workSessionId: registration.workSessionId,
    })
    .from(onssRegistrations)
    .leftJoinLateral(registration, sql`true`)
    .where(
      and(
        eq(onssRegistrations.tenantId, tenantId),
        inArray(onssRegistrations.status, [...filter.statuses]),
        gte(onssRegistrations.registrationTime, filter.registeredFrom),
        lt(onssRegistrations.registrationTime, filter.registeredBefore),
        sql`not exists (
          select 1 from ${anomalies}
          where ${anomalies.tenantId} = ${onssRegistrations.tenantId}
            and ${anomalies.clockEventId} = ${onssRegistrations.clockEventId}
            and ${anomalies.onssRegistrationId} = ${onssRegistrations.id}
            and ${anomalies.type} = case when ${onssRegistrations.status} = 'refused' then 'ONSS_REFUSED' else 'ONSS_NOT_CONFIRMED' end
        )`,
      ),
    );
}

export async function findSessionStates(db: Db, tenantId: string, ids: readonly string[]) {
  return inChunks(ids, (part) =>
    db
      .select({ id: workSessions.id, state: workSessions.state })
      .from(workSessions)
      .where(and(eq(workSessions.tenantId, tenantId), inArray(workSessions.id, part))),
  );
}

/** The sessions of some agents that may overlap a time range (started before its end, not ended before its start). */
export async function findAgentSessionsAround(
  db: Db,
  tenantId: string,
  agentIds: readonly string[],
  range: { from: Date; to: Date },
) {
  return inChunks(agentIds, (part) =>
    db
      .select({
        agentId: workSessions.agentId,
        taskId: workSessions.taskId,
        startedAt: workSessions.startedAt,
        endedAt: workSessions.endedAt,
        correctedEndedAt: workSessions.correctedEndedAt,
      })
      .from(workSessions)
      .where(
        and(
          eq(workSessions.tenantId, tenantId),
          inArray(workSessions.agentId, part),
          lt(workSessions.startedAt, range.to),
          or(
            and(isNull(workSessions.endedAt), isNull(workSessions.correctedEndedAt)),
            gte(workSessions.endedAt, range.from),
            gte(workSessions.correctedEndedAt, range.from),
          ),
        ),
      ),
  );
}

export async function findOnssStatuses(db: Db, tenantId: string, ids: readonly string[]) {
  return inChunks(ids, (part) =>
    db
      .select({ id: onssRegistrations.id, status: onssRegistrations.status })
      .from(onssRegistrations)
      .where(and(eq(onssRegistrations.tenantId, tenantId), inArray(onssRegistrations.id, part))),
  );
}

/**
 * The company's correction requests not yet sent to ONSS whose earliest deadline (the start of its
 * last Belgian day) is not before `deadlineFrom`, with that deadline and their number of items.
 */
export async function findDraftCorrectionRequests(db: Db, tenantId: string, filter: { deadlineFrom: Date }) {
  const firstDeadline = min(correctionRequestItems.deadline);
  return db
    .select({
      id: correctionRequests.id,
      reference: correctionRequests.reference,
      firstDeadline,
      itemCount: count(correctionRequestItems.id),
    })
    .from(correctionRequests)
    .innerJoin(
      correctionRequestItems,
      and(
        eq(correctionRequestItems.tenantId, correctionRequests.tenantId),
        eq(correctionRequestItems.correctionRequestId, correctionRequests.id),
      ),
    )
    .where(and(eq(correctionRequests.tenantId, tenantId), eq(correctionRequests.status, 'draft')))
    .groupBy(correctionRequests.id)
    .having(gte(firstDeadline, filter.deadlineFrom));
}

export async function findCorrectionRequestStatuses(db: Db, tenantId: string, ids: readonly string[]) {
  return inChunks(ids, (part) =>
    db
      .select({ id: correctionRequests.id, status: correctionRequests.status })
      .from(correctionRequests)
      .where(and(eq(correctionRequests.tenantId, tenantId), inArray(correctionRequests.id, part))),
  );
}
