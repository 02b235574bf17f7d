import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { sql, type SQL } from 'drizzle-orm';
import { auditLog, clockEvents, onssRegistrations } from '../../db/schema/index.js';
import { insertAnomaliesQuery } from '../anomalies/anomaly-repository.js';
import { eventAnomalyRows } from '../anomalies/open-event-anomalies.js';
import { toAuditRow } from '../audit/audit-repository.js';
import type { ClockContext, ClockWrites } from './clock-decision.js';
import {
  upsertWorkSessionsQuery,
  listAgentTasks,
  lockAgent,
  readAgentProgress,
  sessionEvents,
} from './clock-repository.js';

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
  if (!agent) throw new DomainError('TOKEN_INVALID', 'Your agent account no longer exists. Sign in again.');
  const linked = single
    ? agent.task && agent.site
      ? [{ task: agent.task, site: agent.site }]
      : []
    : await listAgentTasks(tx, tenantId, agentId);
  const progress = await readAgentProgress(tx, tenantId, agentId, single?.eventId);
  const open = progress.sessions.find((session) => session.state !== 'CLOSED');
  const corrected = progress.sessions.filter((session) => session.state === 'CLOSED');
  const closedByCorrection = await Promise.all(
    corrected.map(async (session) => ({
      ...session,
      closedByCorrection: true,
      lastAction: (await sessionEvents(tx, tenantId, session.id)).at(-1)?.action ?? null,
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
    latestEventTime: open ? open.lastEventAt : progress.latestEventTime,
    eventAlreadyStored: progress.eventAlreadyStored,
  };
}

/**
 * Writes the accepted registrations of one request — each with its work-session change, its ONSS
 * outbox row, its anomalies and its audit row — in ONE statement (data-modifying CTEs), in the
 * caller's transaction: the hottest route pays per round trip, and the foreign keys between these
 * rows are checked at the end of the statement. A request carries at most 500 registrations, far
 * below PostgreSQL's limit on bound parameters.
 */
export async function writeClockDecisions(
  tx: Db,
  tenantId: string,
  decisions: readonly ClockWrites[],
  meta: { now: Date; ip?: string; requestId?: string },
): Promise<void> {
  if (decisions.length === 0) return;
  // A session's last row holds its final state: one row per session, inserted or updated.
  const finalSessions = new Map<string, ClockWrites['session']['row']>();
  for (const decision of decisions) finalSessions.set(decision.session.row.id, decision.session.row);
  const agentId = decisions[0]!.event.agentId;
  const anomalyRows = decisions.flatMap((decision) =>
    eventAnomalyRows({
      tenantId,
      agentId,
      taskId: decision.event.taskId,
      siteId: decision.event.siteId,
      workSessionId: decision.session.row.id,
      clockEventId: decision.event.id,
      flags: decision.event.flags ?? [],
      openedAt: meta.now,
      details: decision.anomalyDetails,
    }),
  );
  const statements: SQL[] = [
    upsertWorkSessionsQuery(
      tx,
      [...finalSessions.values()].map((row) => ({
        id: row.id,
        tenantId,
        agentId,
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
        updatedAt: meta.now,
      })),
    ).getSQL(),
    tx
      .insert(clockEvents)
      .values(decisions.map((decision) => decision.event))
      .getSQL(),
    tx
      .insert(onssRegistrations)
      .values(decisions.map((decision) => decision.onss))
      .getSQL(),
    ...(anomalyRows.length > 0 ? [insertAnomaliesQuery(tx, anomalyRows).getSQL()] : []),
    tx
      .insert(auditLog)
      .values(
        decisions.map((decision) =>
          toAuditRow({
            tenantId,
            actor: { type: 'agent' as const, id: agentId },
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
            ip: meta.ip,
            requestId: meta.requestId,
          }),
        ),
      )
      .getSQL(),
  ];
  const last = statements.pop()!;
  const named = statements.map((statement, index) => sql`${sql.raw(`write_${index}`)} as (${statement})`);
  await tx.execute(sql`with ${sql.join(named, sql`, `)} ${last}`);
}
