import {
  anomalyThresholds,
  arrivedForPeriod,
  autoClosingAnomalyTypes,
  correctionReminderDays,
  localDate,
  onssCorrectionTimeZone,
  onssUnconfirmedStatuses,
  plannedPeriodCalendar,
  previousDate,
  zonedInstant,
  type AnomalyThresholds,
} from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import {
  correctionReminderCandidates,
  needsEvents,
  noShowCandidates,
  onssCandidates,
  sessionCandidates,
  spansByAgentTask,
  type Candidate,
} from './anomaly-candidates.js';
import {
  findKnownCauses,
  findUnresolvedAnomalies,
  insertAnomalies,
  resolveAutomatically,
} from './anomaly-repository.js';
import {
  findAgentSessionsAround,
  findCorrectionRequestStatuses,
  findDraftCorrectionRequests,
  findExpectedAttendance,
  findOnssRegistrations,
  findOnssStatuses,
  findScanSessions,
  findSessionEvents,
  findSessionStates,
  listActiveTenants,
} from './anomaly-scan-repository.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// ONSS registrations are looked at for 35 days: past the 30 days ONSS allows for a correction
// request, a refusal can no longer be acted upon.
const ONSS_LOOKBACK_MS = 35 * DAY;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ScanSummary {
  tenants: number;
  opened: number;
  resolved: number;
}

/**
 * The scheduled scan: for every active company, opens the time-based anomalies whose rule is now
 * broken (at most one per cause; a cause a manager resolved is never reopened) and resolves by
 * itself each auto-closing anomaly whose cause has gone. One company's failure does not stop the
 * others; it is thrown once all were scanned.
 */
export async function scanAnomalies(ctx: AppContext, now: Date): Promise<ScanSummary> {
  const summary: ScanSummary = { tenants: 0, opened: 0, resolved: 0 };
  const failures: unknown[] = [];
  for (const tenant of await listActiveTenants(ctx.db)) {
    try {
      const thresholds = anomalyThresholds(tenant.settings.anomalyThresholds);
      const result = await scanTenant(ctx.db, {
        tenantId: tenant.id,
        timeZone: tenant.timeZone,
        thresholds,
        now,
      });
      summary.tenants += 1;
      summary.opened += result.opened;
      summary.resolved += result.resolved;
    } catch (error) {
      failures.push(
        Object.assign(error instanceof Error ? error : new Error(String(error)), { tenantId: tenant.id }),
      );
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `anomaly scan failed for ${failures.length} companies`);
  return summary;
}

interface TenantScan {
  tenantId: string;
  timeZone: string;
  thresholds: AnomalyThresholds;
  now: Date;
}

async function scanTenant(db: Db, scan: TenantScan) {
  const { tenantId, timeZone, thresholds, now } = scan;
  const context = { tenantId, now, thresholds, calendar: plannedPeriodCalendar(timeZone) };
  const today = localDate(now, timeZone);
  const yesterday = previousDate(today);
  const dayAgo = new Date(now.getTime() - DAY);

  const sessions = await findScanSessions(db, tenantId, {
    updatedSince: dayAgo,
    workDateFrom: previousDate(yesterday),
  });
  const withEvents = sessions.filter((session) => needsEvents(session, context, dayAgo));
  const events = await findSessionEvents(
    db,
    tenantId,
    withEvents.map((session) => session.id),
  );
  const attendance = await findExpectedAttendance(db, tenantId);
  const onss = await findOnssRegistrations(db, tenantId, {
    statuses: [...onssUnconfirmedStatuses, 'refused'],
    registeredFrom: new Date(now.getTime() - ONSS_LOOKBACK_MS),
    // Unconfirmed ones only past the delay; refused ones whenever (a device may run 2 minutes ahead).
    registeredBefore: new Date(now.getTime() + DAY),
  });

  // Deadlines are the start of their last Belgian day: one that started today is still open.
  const corrections = await findDraftCorrectionRequests(db, tenantId, {
    deadlineFrom: zonedInstant(localDate(now, onssCorrectionTimeZone), '00:00', onssCorrectionTimeZone),
  });

  const candidates = [
    ...sessionCandidates(sessions, events, context),
    ...noShowCandidates(attendance, spansByAgentTask(sessions), [yesterday, today], context),
    ...onssCandidates(onss, context),
    ...correctionReminderCandidates(corrections, context),
  ];
  const opened = await openNew(db, tenantId, candidates);
  const resolved = await closeGone(db, tenantId, thresholds, now);
  return { opened, resolved };
}

/** Opens the candidates whose cause has no anomaly yet (open, acknowledged or resolved). */
async function openNew(db: Db, tenantId: string, candidates: Candidate[]): Promise<number> {
  if (candidates.length === 0) return 0;
  const refused = candidates.filter((candidate) => candidate.row.type === 'ONSS_REFUSED');
  const timed = candidates.filter((candidate) => candidate.row.type !== 'ONSS_REFUSED');
  const known = new Set<string>();
  if (timed.length > 0) {
    const earliest = Math.min(...timed.map((candidate) => candidate.causeAt.getTime()));
    const keys = timed.map((candidate) => candidate.row.dedupeKey);
    for (const key of await findKnownCauses(db, tenantId, keys, { since: new Date(earliest - DAY) }))
      known.add(key);
  }
  if (refused.length > 0) {
    const keys = refused.map((candidate) => candidate.row.dedupeKey);
    for (const key of await findKnownCauses(db, tenantId, keys, { type: 'ONSS_REFUSED' })) known.add(key);
  }
  const fresh = new Map<string, Candidate>();
  for (const candidate of candidates)
    if (!known.has(candidate.row.dedupeKey)) fresh.set(candidate.row.dedupeKey, candidate);
  return insertAnomalies(
    db,
    [...fresh.values()].map((candidate) => candidate.row),
  );
}

/** Resolves the auto-closing anomalies whose cause disappeared. */
async function closeGone(
  db: Db,
  tenantId: string,
  thresholds: AnomalyThresholds,
  now: Date,
): Promise<number> {
  const unresolved = await findUnresolvedAnomalies(db, tenantId, autoClosingAnomalyTypes);
  if (unresolved.length === 0) return 0;
  const gone: string[] = [];

  const departures = unresolved.filter((anomaly) => anomaly.type === 'MISSED_DEPARTURE');
  if (departures.length > 0) {
    const ids = departures.flatMap((anomaly) => (anomaly.workSessionId ? [anomaly.workSessionId] : []));
    const open = new Set(
      (await findSessionStates(db, tenantId, ids))
        .filter((session) => session.state !== 'CLOSED')
        .map((session) => session.id),
    );
    for (const anomaly of departures)
      if (!anomaly.workSessionId || !open.has(anomaly.workSessionId)) gone.push(anomaly.id);
  }

  const noShows = unresolved
    .filter((anomaly) => anomaly.type === 'NO_SHOW' && anomaly.agentId && anomaly.taskId)
    .map((anomaly) => ({
      anomaly,
      period: {
        start: new Date(String(anomaly.details.periodStart)),
        end: new Date(String(anomaly.details.periodEnd)),
      },
    }))
    .filter(({ period }) => !Number.isNaN(period.start.getTime()) && !Number.isNaN(period.end.getTime()));
  if (noShows.length > 0) {
    const from =
      Math.min(...noShows.map(({ period }) => period.start.getTime())) -
      thresholds.earlyArrivalMinutes * MINUTE;
    const to = Math.max(...noShows.map(({ period }) => period.end.getTime()));
    const agentIds = [...new Set(noShows.map(({ anomaly }) => anomaly.agentId!))];
    const spans = spansByAgentTask(
      await findAgentSessionsAround(db, tenantId, agentIds, { from: new Date(from), to: new Date(to) }),
    );
    for (const { anomaly, period } of noShows) {
      const sessions = spans.get(`${anomaly.agentId}|${anomaly.taskId}`) ?? [];
      if (arrivedForPeriod(period, sessions, thresholds)) gone.push(anomaly.id);
    }
  }

  const onss = unresolved.filter((anomaly) => anomaly.type.startsWith('ONSS_'));
  if (onss.length > 0) {
    const ids = onss.flatMap((anomaly) => (anomaly.onssRegistrationId ? [anomaly.onssRegistrationId] : []));
    const statuses = new Map((await findOnssStatuses(db, tenantId, ids)).map((row) => [row.id, row.status]));
    for (const anomaly of onss) {
      const status = anomaly.onssRegistrationId ? statuses.get(anomaly.onssRegistrationId) : undefined;
      const stillThere =
        anomaly.type === 'ONSS_REFUSED'
          ? status === 'refused'
          : status !== undefined && (onssUnconfirmedStatuses as readonly string[]).includes(status);
      if (!stillThere) gone.push(anomaly.id);
    }
  }

  const reminders = unresolved.filter((anomaly) => anomaly.type in correctionReminderDays);
  if (reminders.length > 0) {
    const requestId = (anomaly: (typeof reminders)[number]) => String(anomaly.details.correctionRequestId);
    const ids = [...new Set(reminders.map(requestId))].filter((id) => UUID.test(id));
    const statuses = new Map(
      (await findCorrectionRequestStatuses(db, tenantId, ids)).map((row) => [row.id, row.status]),
    );
    // Sent to ONSS (or answered): the deadline was met. A request that no longer exists needs nothing.
    for (const anomaly of reminders) if (statuses.get(requestId(anomaly)) !== 'draft') gone.push(anomaly.id);
  }

  if (gone.length === 0) return 0;
  return (await resolveAutomatically(db, tenantId, gone, now)).length;
}
