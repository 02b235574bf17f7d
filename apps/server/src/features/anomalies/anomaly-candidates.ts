import {
  anomalyDedupeKey,
  breaksTooLong,
  correctionReminderDays,
  correctionReminderDue,
  daysUntil,
  localDate,
  onssCorrectionTimeZone,
  zonedInstant,
  isMissedDeparture,
  isValidOn,
  longestWorkWithoutQualifyingBreak,
  nextDate,
  noShowDue,
  onssConfirmationOverdue,
  plannedPeriodOfArrival,
  previousDate,
  type AnomalyThresholds,
  type ClockAction,
  type PlannedPeriod,
  type plannedPeriodCalendar,
  type SessionSpan,
  type WeeklySlot,
} from '@ciao/domain';
import type { NewAnomaly } from './anomaly-repository.js';
import type {
  findDraftCorrectionRequests,
  findExpectedAttendance,
  findOnssRegistrations,
  findScanSessions,
  findSessionEvents,
} from './anomaly-scan-repository.js';

// The domain rules applied to what the scan read: no I/O here, so the rules of a whole company are
// evaluated in memory from a few queries.

/** An anomaly the rules call for, with the instant its cause began (it cannot be opened before). */
export interface Candidate {
  row: NewAnomaly;
  causeAt: Date;
}

type ScanSession = Awaited<ReturnType<typeof findScanSessions>>[number];
type SessionEvent = Awaited<ReturnType<typeof findSessionEvents>>[number];
type Attendance = Awaited<ReturnType<typeof findExpectedAttendance>>[number];
type OnssRow = Awaited<ReturnType<typeof findOnssRegistrations>>[number];
type DraftCorrectionRequest = Awaited<ReturnType<typeof findDraftCorrectionRequests>>[number];
type Calendar = ReturnType<typeof plannedPeriodCalendar>;

interface RuleContext {
  tenantId: string;
  now: Date;
  thresholds: AnomalyThresholds;
  calendar: Calendar;
}

const MINUTE = 60_000;
const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / MINUTE);

/** Where a closed session ended: its departure, or the end a manager's correction gave it. */
export function sessionEnd(session: {
  state: string;
  endedAt: Date | null;
  correctedEndedAt: Date | null;
  updatedAt?: Date;
}): Date | null {
  if (session.state !== 'CLOSED') return null;
  return session.endedAt ?? session.correctedEndedAt ?? session.updatedAt ?? null;
}

/**
 * Whether the break rules need a session's registrations: open ones that have run long enough to
 * break a rule, and recently changed closed ones whose totals show a long break or a long day.
 */
export function needsEvents(session: ScanSession, { now, thresholds }: RuleContext, updatedSince: Date) {
  if (session.state !== 'CLOSED') {
    const shortest = Math.min(thresholds.breakMaxMinutes, thresholds.workWithoutBreakMinutes);
    return now.getTime() - session.startedAt.getTime() > shortest * MINUTE;
  }
  if (session.updatedAt.getTime() < updatedSince.getTime()) return false;
  // Closed by a manager's correction: the registered totals stop at the last registration.
  if (!session.endedAt) return true;
  return (
    session.workedSeconds > thresholds.workWithoutBreakMinutes * 60 ||
    session.breakSeconds > thresholds.breakMaxMinutes * 60
  );
}

/** MISSED_DEPARTURE, BREAK_TOO_LONG and NO_BREAK_AFTER_6H for the sessions read. */
export function sessionCandidates(
  sessions: readonly ScanSession[],
  events: readonly SessionEvent[],
  context: RuleContext,
): Candidate[] {
  const { tenantId, now, thresholds, calendar } = context;
  const bySession = new Map<string, { id: string; action: ClockAction; at: Date }[]>();
  for (const event of events) {
    if (!event.workSessionId) continue;
    const list = bySession.get(event.workSessionId) ?? [];
    list.push({ id: event.id, action: event.action as ClockAction, at: event.at });
    bySession.set(event.workSessionId, list);
  }
  const found: Candidate[] = [];
  for (const session of sessions) {
    const base = {
      tenantId,
      agentId: session.agentId,
      taskId: session.taskId,
      siteId: session.siteId,
      workSessionId: session.id,
      openedAt: now,
      updatedAt: now,
    };
    const open = session.state !== 'CLOSED';
    if (open) {
      const schedule = session.schedule as WeeklySlot[];
      const periods = [previousDate(session.workDate), session.workDate, nextDate(session.workDate)].flatMap(
        (date) => calendar.periodsOn(schedule, date),
      );
      const period = plannedPeriodOfArrival(periods, session.startedAt, thresholds);
      const missed = isMissedDeparture({
        startedAt: session.startedAt,
        plannedEnd: period?.end,
        now,
        thresholds,
      });
      if (missed) {
        found.push({
          causeAt: session.startedAt,
          row: {
            ...base,
            type: 'MISSED_DEPARTURE',
            dedupeKey: anomalyDedupeKey('MISSED_DEPARTURE', session.id),
            details: {
              reason: missed.reason,
              startedAt: session.startedAt.toISOString(),
              plannedStart: period?.start.toISOString() ?? null,
              plannedEnd: period?.end.toISOString() ?? null,
              dueAt: missed.dueAt.toISOString(),
              ...(missed.reason === 'planned_end'
                ? { graceMinutes: thresholds.missedDepartureGraceMinutes }
                : { maxSessionHours: thresholds.maxSessionHours }),
            },
          },
        });
      }
    }
    const registered = bySession.get(session.id);
    if (!registered?.length) continue;
    const until = open ? now : (sessionEnd(session) ?? registered.at(-1)!.at);
    for (const long of breaksTooLong(registered, until, thresholds)) {
      found.push({
        causeAt: long.pause.at,
        row: {
          ...base,
          type: 'BREAK_TOO_LONG',
          dedupeKey: anomalyDedupeKey('BREAK_TOO_LONG', long.pause.id),
          clockEventId: long.pause.id,
          details: {
            breakStartedAt: long.pause.at.toISOString(),
            breakEndedAt: long.endedAt?.toISOString() ?? null,
            breakMinutes: long.minutes,
            breakMaxMinutes: thresholds.breakMaxMinutes,
          },
        },
      });
    }
    const longest = longestWorkWithoutQualifyingBreak(registered, until, thresholds.minimumBreakMinutes);
    if (longest > thresholds.workWithoutBreakMinutes * 60) {
      found.push({
        causeAt: session.startedAt,
        row: {
          ...base,
          type: 'NO_BREAK_AFTER_6H',
          dedupeKey: anomalyDedupeKey('NO_BREAK_AFTER_6H', session.id),
          details: {
            longestWorkMinutes: Math.floor(longest / 60),
            workWithoutBreakMinutes: thresholds.workWithoutBreakMinutes,
            minimumBreakMinutes: thresholds.minimumBreakMinutes,
          },
        },
      });
    }
  }
  return found;
}

/** The sessions of each agent on each task, as the presence rule reads them. */
export function spansByAgentTask(
  sessions: readonly {
    agentId: string;
    taskId: string;
    state?: string;
    startedAt: Date;
    endedAt: Date | null;
    correctedEndedAt: Date | null;
  }[],
): Map<string, SessionSpan[]> {
  const spans = new Map<string, SessionSpan[]>();
  for (const session of sessions) {
    const key = `${session.agentId}|${session.taskId}`;
    const list = spans.get(key) ?? [];
    list.push({ startedAt: session.startedAt, endedAt: session.endedAt ?? session.correctedEndedAt });
    spans.set(key, list);
  }
  return spans;
}

/**
 * The planned periods each linked agent is expected at, among the periods that started on `days`:
 * the task and the agent valid that day, and the period starting after the agent was linked to
 * the task (a period that started before is not expected of them). The no-show rule and the live
 * board both read presence through this, so that they always agree.
 */
export function expectedPeriods<T extends Attendance>(
  attendance: readonly T[],
  days: readonly string[],
  calendar: Calendar,
): { link: T; period: PlannedPeriod }[] {
  const found: { link: T; period: PlannedPeriod }[] = [];
  for (const link of attendance) {
    const agentDates = { validFrom: link.agentActiveFrom, validUntil: link.agentActiveUntil };
    for (const date of days) {
      if (!isValidOn(link, date) || !isValidOn(agentDates, date)) continue;
      for (const period of calendar.periodsOn(link.schedule as WeeklySlot[], date)) {
        if (period.start.getTime() < link.linkedAt.getTime()) continue;
        found.push({ link, period });
      }
    }
  }
  return found;
}

/**
 * NO_SHOW for the periods that started yesterday or today (a night shift starts the day before),
 * for each expected agent ({@link expectedPeriods}).
 */
export function noShowCandidates(
  attendance: readonly Attendance[],
  spans: Map<string, SessionSpan[]>,
  days: readonly string[],
  context: RuleContext,
): Candidate[] {
  const { tenantId, now, thresholds, calendar } = context;
  const found: Candidate[] = [];
  for (const { link, period } of expectedPeriods(attendance, days, calendar)) {
    const sessions = spans.get(`${link.agentId}|${link.taskId}`) ?? [];
    if (!noShowDue({ period, sessions, now, thresholds })) continue;
    found.push({
      causeAt: period.start,
      row: {
        tenantId,
        type: 'NO_SHOW',
        dedupeKey: anomalyDedupeKey('NO_SHOW', link.taskId, link.agentId, period.start),
        agentId: link.agentId,
        taskId: link.taskId,
        siteId: link.siteId,
        details: {
          periodStart: period.start.toISOString(),
          periodEnd: period.end.toISOString(),
          graceMinutes: thresholds.noShowGraceMinutes,
        },
        openedAt: now,
        updatedAt: now,
      },
    });
  }
  return found;
}

/** ONSS_NOT_CONFIRMED for unconfirmed registrations past the delay; ONSS_REFUSED for refused ones. */
export function onssCandidates(rows: readonly OnssRow[], context: RuleContext): Candidate[] {
  const { tenantId, now, thresholds } = context;
  const found: Candidate[] = [];
  for (const registration of rows) {
    const refused = registration.status === 'refused';
    if (
      !refused &&
      !onssConfirmationOverdue({
        status: registration.status,
        registrationTime: registration.registrationTime,
        now,
        thresholds,
      })
    )
      continue;
    const type = refused ? 'ONSS_REFUSED' : 'ONSS_NOT_CONFIRMED';
    found.push({
      causeAt: registration.registrationTime,
      row: {
        tenantId,
        type,
        dedupeKey: anomalyDedupeKey(type, registration.id),
        agentId: registration.agentId,
        siteId: registration.siteId,
        taskId: registration.taskId,
        workSessionId: registration.workSessionId,
        clockEventId: registration.clockEventId,
        onssRegistrationId: registration.id,
        details: {
          direction: registration.direction,
          registrationTime: registration.registrationTime.toISOString(),
          ...(refused
            ? {}
            : {
                onssStatus: registration.status,
                minutesWaiting: minutesBetween(registration.registrationTime, now),
                confirmationMinutes: thresholds.onssConfirmationMinutes,
              }),
        },
        openedAt: now,
        updatedAt: now,
      },
    });
  }
  return found;
}

/** The date `days` calendar days before a `YYYY-MM-DD` date. */
function daysBefore(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

/**
 * The deadline reminder due for each correction request not yet sent to ONSS (7 days, then 2 days
 * before its earliest deadline, in Belgian days). One anomaly per request and reminder.
 */
export function correctionReminderCandidates(
  requests: readonly DraftCorrectionRequest[],
  context: Pick<RuleContext, 'tenantId' | 'now'>,
): Candidate[] {
  const { tenantId, now } = context;
  const today = localDate(now, onssCorrectionTimeZone);
  const found: Candidate[] = [];
  for (const request of requests) {
    if (!request.firstDeadline) continue;
    const deadline = localDate(request.firstDeadline, onssCorrectionTimeZone);
    const type = correctionReminderDue(deadline, today);
    if (!type) continue;
    found.push({
      causeAt: zonedInstant(
        daysBefore(deadline, correctionReminderDays[type]),
        '00:00',
        onssCorrectionTimeZone,
      ),
      row: {
        tenantId,
        type,
        dedupeKey: anomalyDedupeKey(type, request.id),
        details: {
          correctionRequestId: request.id,
          reference: request.reference,
          deadline,
          daysLeft: daysUntil(deadline, today),
          registrations: request.itemCount,
        },
        openedAt: now,
        updatedAt: now,
      },
    });
  }
  return found;
}
