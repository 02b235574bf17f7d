import { randomUUID } from 'node:crypto';
import {
  directionOf,
  distanceMeters,
  DomainError,
  isInsideGeofence,
  localDate,
  toOnssRegistration,
  transition,
  type ClockAction,
  type ClockEventInput,
  type ClockState,
} from '@ciao/domain';
import type {
  clockEvents,
  onssRegistrations,
  sites,
  tasks,
  tenants,
  workSessions,
} from '../../db/schema/index.js';

// The rules of issue "registration engine": a device clock may run a little ahead; registrations
// arriving much later than they were made (offline) are accepted and flagged.
const FUTURE_TOLERANCE_MS = 2 * 60_000;
const LATE_SYNC_AFTER_MS = 10 * 60_000;
const DEFAULT_MAX_EVENT_AGE_DAYS = 7;
const DEFAULT_POOR_ACCURACY_METERS = 100;

export type SessionState = Pick<
  typeof workSessions.$inferSelect,
  | 'id'
  | 'taskId'
  | 'siteId'
  | 'workDate'
  | 'state'
  | 'startedAt'
  | 'lastEventAt'
  | 'workedSeconds'
  | 'breakSeconds'
  | 'breakCount'
> & {
  /** A session a manager closed by correction before its departure was registered. */
  closedByCorrection: boolean;
  /** The action of its last registration (to know where the agent stood in a corrected session). */
  lastAction: string | null;
};

/** What a registration is decided on, of its company, its task and the task's site. */
export type ClockTenant = Pick<
  typeof tenants.$inferSelect,
  'id' | 'settings' | 'timeZone' | 'enterpriseNumber'
>;
export type ClockTask = Pick<typeof tasks.$inferSelect, 'id' | 'active' | 'validFrom' | 'validUntil'>;
export type ClockSite = Pick<
  typeof sites.$inferSelect,
  'id' | 'latitude' | 'longitude' | 'geofenceRadiusMeters' | 'subjectToOnss' | 'workDeclarationNumber'
>;

/** Everything a registration is decided on, read once under the agent's lock. */
export interface ClockContext {
  now: Date;
  tenant: ClockTenant;
  agent: {
    id: string;
    niss: string | null;
    employmentStatus: string;
    subcontractorId: string | null;
    subcontractorEnterpriseNumber: string | null;
    subcontractorForeignVatNumber: string | null;
  };
  onssConnected: boolean;
  linkedTasks: Map<string, { task: ClockTask; site: ClockSite }>;
  open: SessionState | undefined;
  closedByCorrection: SessionState[];
  latestEventTime: Date | undefined;
}

/** The rows one accepted registration adds or changes. */
export interface ClockWrites {
  event: typeof clockEvents.$inferInsert;
  session: { created: boolean; row: SessionState & { endedAt: Date | null } };
  onss: typeof onssRegistrations.$inferInsert;
  anomalyDetails: {
    distanceMeters: number | null;
    radiusMeters: number;
    accuracyMeters: number;
    minutesLate: number;
  };
  nextState: 'WORKING' | 'ON_BREAK' | 'CLOSED';
}

const refuse = (
  code: ConstructorParameters<typeof DomainError>[0],
  message: string,
  details?: Record<string, unknown>,
) => new DomainError(code, message, details ? { details } : {});

/**
 * Decides one registration against the context: the rules, the state machine, the work session's
 * running totals and the ONSS content. Pure: throws the refusal, or returns the rows to write and
 * updates the context in memory so that the next registration of a batch sees this one.
 */
export function decideClockEvent(
  context: ClockContext,
  input: { event: ClockEventInput; deviceId: string | null; contentHash: string },
): ClockWrites {
  const { now, tenant } = context;
  const deviceTime = new Date(input.event.deviceTime);
  const maxAgeDays = tenant.settings.maxEventAgeDays ?? DEFAULT_MAX_EVENT_AGE_DAYS;
  if (deviceTime.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw refuse(
      'CLOCK_TIME_IN_FUTURE',
      'The phone’s clock is ahead: set its date and time to automatic, then register again.',
    );
  }
  if (deviceTime.getTime() < now.getTime() - maxAgeDays * 86_400_000) {
    throw refuse(
      'CLOCK_EVENT_TOO_OLD',
      `This registration is more than ${maxAgeDays} days old: your manager must record it as a correction.`,
    );
  }
  const linked = context.linkedTasks.get(input.event.taskId);
  if (!linked)
    throw refuse('TASK_NOT_FOUND', 'This task is not one of yours: ask your manager to link you to it.');
  const { task, site } = linked;

  const flags: string[] = [];
  const position = input.event.position;
  let distance: number | null = null;
  let inside: boolean | null = null;
  if (site.latitude !== null && site.longitude !== null) {
    distance = distanceMeters(position, { latitude: site.latitude, longitude: site.longitude });
    inside = isInsideGeofence(distance, site.geofenceRadiusMeters, position.accuracyMeters);
    if (!inside) {
      if (tenant.settings.blockOutsideGeofence) {
        throw refuse(
          'CLOCK_OUTSIDE_GEOFENCE',
          'You are too far from the site to register: go to the site and try again.',
          {
            distanceMeters: Math.round(distance),
            radiusMeters: site.geofenceRadiusMeters,
          },
        );
      }
      flags.push('OUTSIDE_GEOFENCE');
    }
  }
  const poorAccuracy = tenant.settings.anomalyThresholds?.poorAccuracyMeters ?? DEFAULT_POOR_ACCURACY_METERS;
  if (position.accuracyMeters > poorAccuracy) flags.push('POOR_ACCURACY');
  if (now.getTime() - deviceTime.getTime() > LATE_SYNC_AFTER_MS) flags.push('LATE_SYNC');
  const workDate = localDate(deviceTime, tenant.timeZone);
  if (!task.active) flags.push('TASK_INACTIVE');
  if ((task.validFrom && workDate < task.validFrom) || (task.validUntil && workDate > task.validUntil)) {
    flags.push('OUTSIDE_TASK_VALIDITY');
  }

  const action = input.event.action as ClockAction;
  const open = context.open;
  // A departure (or break) synced after a manager closed the session by correction still belongs
  // to that session: no registration is lost.
  const corrected =
    open || action === 'ARRIVE'
      ? undefined
      : context.closedByCorrection
          .filter(
            (session) => session.taskId === task.id && session.lastEventAt.getTime() <= deviceTime.getTime(),
          )
          .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
  let state: ClockState = { status: 'OFF' };
  if (open)
    state = { status: open.state as 'WORKING' | 'ON_BREAK', taskId: open.taskId, since: open.lastEventAt };
  if (corrected)
    state = {
      status: corrected.lastAction === 'PAUSE' ? 'ON_BREAK' : 'WORKING',
      taskId: task.id,
      since: corrected.lastEventAt,
    };
  if (
    !open &&
    !corrected &&
    context.latestEventTime &&
    deviceTime.getTime() < context.latestEventTime.getTime()
  ) {
    throw refuse('CLOCK_OUT_OF_ORDER', 'This registration is dated before your previous one.');
  }
  const moved = transition(state, { action, taskId: task.id, at: deviceTime });
  if (!moved.ok) throw refuse(moved.code, moved.message);

  // Worked and break time grow by the time since the previous registration: registrations are
  // strictly ordered (CLOCK_OUT_OF_ORDER), so adding up step by step equals sessionDurations.
  const current = open ?? corrected;
  const nextState = corrected || moved.state.status === 'OFF' ? 'CLOSED' : moved.state.status;
  const elapsed = current
    ? Math.max(0, Math.floor((deviceTime.getTime() - current.lastEventAt.getTime()) / 1000))
    : 0;
  const session: SessionState & { endedAt: Date | null } = {
    id: current?.id ?? randomUUID(),
    taskId: current?.taskId ?? task.id,
    siteId: current?.siteId ?? site.id,
    workDate: current?.workDate ?? workDate,
    startedAt: current?.startedAt ?? deviceTime,
    state: nextState,
    lastEventAt: deviceTime,
    endedAt: action === 'LEAVE' ? deviceTime : null,
    workedSeconds: (current?.workedSeconds ?? 0) + (state.status === 'WORKING' ? elapsed : 0),
    breakSeconds: (current?.breakSeconds ?? 0) + (state.status === 'ON_BREAK' ? elapsed : 0),
    breakCount: (current?.breakCount ?? 0) + (action === 'PAUSE' ? 1 : 0),
    closedByCorrection: Boolean(corrected),
    lastAction: action,
  };

  const direction = directionOf(action);
  const employer = context.agent.subcontractorId
    ? {
        enterpriseNumber: context.agent.subcontractorEnterpriseNumber,
        foreignVatNumber: context.agent.subcontractorForeignVatNumber,
      }
    : { enterpriseNumber: tenant.enterpriseNumber, foreignVatNumber: null };
  const mapping = toOnssRegistration({
    direction,
    at: deviceTime,
    agent: { niss: context.agent.niss, employmentStatus: context.agent.employmentStatus },
    employer,
    site: { subjectToOnss: site.subjectToOnss, workDeclarationNumber: site.workDeclarationNumber },
    position: { latitude: position.latitude, longitude: position.longitude },
    tenantHasOnssConnection: context.onssConnected,
  });

  // What the next registration of the same sync sees.
  if (nextState === 'CLOSED') {
    context.open = undefined;
    if (corrected) Object.assign(corrected, session);
  } else {
    context.open = session;
  }
  context.latestEventTime = deviceTime;

  return {
    nextState,
    session: { created: !current, row: session },
    event: {
      tenantId: tenant.id,
      id: input.event.id,
      agentId: context.agent.id,
      taskId: task.id,
      siteId: site.id,
      deviceId: input.deviceId,
      workSessionId: session.id,
      action,
      direction,
      deviceTime,
      receivedAt: now,
      latitude: position.latitude,
      longitude: position.longitude,
      accuracyMeters: position.accuracyMeters,
      distanceMeters: distance,
      insideGeofence: inside,
      flags,
      capturedOffline: input.event.capturedOffline,
      appVersion: input.event.appVersion ?? null,
      contentHash: input.contentHash,
    },
    onss: {
      tenantId: tenant.id,
      clockEventId: input.event.id,
      agentId: context.agent.id,
      siteId: site.id,
      direction,
      registrationTime: deviceTime,
      payload: mapping.applicable ? { ...mapping.content } : {},
      status: mapping.applicable ? 'to_send' : 'not_applicable',
      notApplicableReason: mapping.applicable ? null : mapping.reason,
      nextAttemptAt: mapping.applicable ? now : null,
    },
    anomalyDetails: {
      distanceMeters: distance === null ? null : Math.round(distance),
      radiusMeters: site.geofenceRadiusMeters,
      accuracyMeters: position.accuracyMeters,
      minutesLate: Math.floor((now.getTime() - deviceTime.getTime()) / 60_000),
    },
  };
}
