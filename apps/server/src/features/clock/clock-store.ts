import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { insertRowsAsJson } from '../../db/insert-rows-as-json.js';
import { sql, type SQL } from 'drizzle-orm';
import { auditLog, clockEvents, onssRegistrations } from '../../db/schema/index.js';
import { insertAnomaliesQuery } from '../anomalies/anomaly-repository.js';
import { eventAnomalyRows } from '../anomalies/open-event-anomalies.js';
import { toAuditRow } from '../audit/audit-repository.js';
import type { ClockContext, ClockSite, ClockTask, ClockWrites } from './clock-decision.js';
import {
  upsertWorkSessionsQuery,
  listAgentTasks,
  lockAgent,
  lockAgents,
  readAgentProgress,
  readAgentsProgress,
  sessionEvents,
  type AgentClaim,
} from './clock-repository.js';

type LockedAgent = NonNullable<Awaited<ReturnType<typeof lockAgent>>>;
/** The task the lock query found the agent linked to, if any. */
const linkedTaskOf = (agent: LockedAgent) =>
  agent.task && agent.site ? [{ task: agent.task, site: agent.site }] : [];

type UnfinishedSession = Awaited<ReturnType<typeof readAgentProgress>>['sessions'][number];

/** A context from what was read under the agent's lock. */
async function toClockContext(
  tx: Db,
  now: Date,
  agent: LockedAgent,
  linked: readonly { task: ClockTask; site: ClockSite }[],
  sessions: readonly UnfinishedSession[],
  latestEventTime: Date | undefined,
): Promise<ClockContext> {
  const open = sessions.find((session) => session.state !== 'CLOSED');
  const corrected = sessions.filter((session) => session.state === 'CLOSED');
  const closedByCorrection = await Promise.all(
    corrected.map(async (session) => ({
      ...session,
      closedByCorrection: true,
      lastAction: (await sessionEvents(tx, agent.tenant.id, session.id)).at(-1)?.action ?? null,
    })),
  );
  return {
    now,
    tenant: agent.tenant,
    agent: {
      id: agent.id,
      niss: agent.niss,
      employmentStatus: agent.employmentStatus,
      subcontractorId: agent.subcontractorId,
      subcontractorEnterpriseNumber: agent.subcontractorEnterpriseNumber,
      subcontractorForeignVatNumber: agent.subcontractorForeignVatNumber,
    },
    onssConnected: Boolean(agent.onssClientId),
    linkedTasks: new Map(linked.map((row) => [row.task.id, row])),
    open: open ? { ...open, closedByCorrection: false, lastAction: null } : undefined,
    closedByCorrection,
    latestEventTime: open ? open.lastEventAt : latestEventTime,
  };
}

const agentGone = () =>
  new DomainError('TOKEN_INVALID', 'Your agent account no longer exists. Sign in again.');

/**
 * Locks the agent (registrations of one agent are serialised) and reads, after the lock, what its
 * registrations are decided on. For a single registration (`single`), its task and whether its id
 * is already stored come with the lock, so that the common case costs two reads.
 */
export async function loadClockContext(
  tx: Db,
  tenantId: string,
  agentId: string,
  now: Date,
  single?: { eventId: string; taskId: string },
): Promise<ClockContext & { eventAlreadyStored: boolean }> {
  const agent = await lockAgent(tx, tenantId, agentId, single && { taskId: single.taskId });
  if (!agent) throw agentGone();
  const linked = single ? linkedTaskOf(agent) : await listAgentTasks(tx, tenantId, agentId);
  const progress = await readAgentProgress(tx, tenantId, agentId, single?.eventId);
  const context = await toClockContext(tx, now, agent, linked, progress.sessions, progress.latestEventTime);
  return { ...context, eventAlreadyStored: progress.eventAlreadyStored };
}

/**
 * `loadClockContext` for a group of single registrations of different agents (one each), in three
 * statements whatever the group's size: their locks, their unfinished sessions, and their latest
 * registration times with whether each event id is already stored. An agent that no longer exists
 * is missing from the answer.
 */
export async function loadClockContexts(
  tx: Db,
  claims: readonly AgentClaim[],
  now: Date,
): Promise<Map<string, ClockContext & { eventAlreadyStored: boolean }>> {
  const locked = await lockAgents(tx, claims);
  const progress = await readAgentsProgress(tx, claims);
  const contexts = new Map<string, ClockContext & { eventAlreadyStored: boolean }>();
  for (const agent of locked) {
    const latest = progress.latest.find((row) => row.agentId === agent.id);
    const context = await toClockContext(
      tx,
      now,
      agent,
      linkedTaskOf(agent),
      progress.sessions.filter((session) => session.agentId === agent.id),
      latest?.latestEventTime ?? undefined,
    );
    contexts.set(agent.id, { ...context, eventAlreadyStored: latest?.eventAlreadyStored ?? false });
  }
  return contexts;
}

/** An accepted registration to write, with the request it came in. */
export interface ClockWrite {
  decision: ClockWrites;
  ip?: string;
  requestId?: string;
}

/**
 * Writes accepted registrations — each with its work-session change, its ONSS outbox row, its
 * anomalies and its audit row — in ONE statement (data-modifying CTEs), in the caller's
 * transaction: the hottest route pays per round trip, and the foreign keys between these rows are
 * checked at the end of the statement. They may belong to several agents and companies (a group
 * commit); a request carries at most 500 registrations and a group fewer, far below PostgreSQL's
 * limit on bound parameters.
 */
export async function writeClockDecisions(tx: Db, writes: readonly ClockWrite[], now: Date): Promise<void> {
  if (writes.length === 0) return;
  // A session's last row holds its final state: one row per session, inserted or updated.
  const finalSessions = new Map<string, ClockWrites>();
  for (const { decision } of writes) finalSessions.set(decision.session.row.id, decision);
  const anomalyRows = writes.flatMap(({ decision }) =>
    eventAnomalyRows({
      tenantId: decision.event.tenantId,
      agentId: decision.event.agentId,
      taskId: decision.event.taskId,
      siteId: decision.event.siteId,
      workSessionId: decision.session.row.id,
      clockEventId: decision.event.id,
      flags: decision.event.flags ?? [],
      openedAt: now,
      details: decision.anomalyDetails,
    }),
  );
  const statements: SQL[] = [
    upsertWorkSessionsQuery(
      [...finalSessions.values()].map(({ event, session: { row } }) => ({
        id: row.id,
        tenantId: event.tenantId,
        agentId: event.agentId,
        taskId: row.taskId,
        siteId: row.siteId,
        workDate: row.workDate,
        startedAt: row.startedAt,
        state: row.state,
        lastEventAt: row.lastEventAt,
        endedAt: row.endedAt,
        workedSeconds: row.workedSeconds,
        breakSeconds: row.breakSeconds,
        breakCount: row.breakCount,
        updatedAt: now,
      })),
    ),
    insertRowsAsJson(
      clockEvents,
      writes.map(({ decision }) => decision.event),
    ),
    insertRowsAsJson(
      onssRegistrations,
      writes.map(({ decision }) => decision.onss),
    ),
    ...(anomalyRows.length > 0 ? [insertAnomaliesQuery(anomalyRows)] : []),
    insertRowsAsJson(
      auditLog,
      writes.map(({ decision, ip, requestId }) =>
        toAuditRow({
          tenantId: decision.event.tenantId,
          actor: { type: 'agent' as const, id: decision.event.agentId },
          action: 'clock_event.recorded',
          entityType: 'clock_event',
          entityId: decision.event.id,
          // Positions stay out of the audit trail (privacy): the event row holds them.
          after: {
            action: decision.event.action,
            taskId: decision.event.taskId,
            deviceTime: decision.event.deviceTime.toISOString(),
            flags: decision.event.flags,
            onssStatus: decision.onss.status,
          },
          ip,
          requestId,
        }),
      ),
    ),
  ];
  const last = statements.pop()!;
  const named = statements.map((statement, index) => sql`${sql.raw(`write_${index}`)} as (${statement})`);
  await tx.execute(sql`with ${sql.join(named, sql`, `)} ${last}`);
}
