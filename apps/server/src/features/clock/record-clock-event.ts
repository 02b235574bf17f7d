import { createHash } from 'node:crypto';
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
import type { AppContext } from '../../http/app-context.js';
import { openEventAnomalies } from '../anomalies/open-event-anomalies.js';
import { recordAudit } from '../audit/audit-repository.js';
import { presentClockEvent, presentClockState } from './clock-event-presenter.js';
import {
  findClockEvent,
  findLinkedTask,
  findOpenSession,
  findSessionClosedByCorrection,
  insertClockEvent,
  insertOnssRegistration,
  insertWorkSession,
  isUniqueViolation,
  latestEventTime,
  lockAgent,
  onssStatusOfEvent,
  sessionEvents,
  updateWorkSession,
} from './clock-repository.js';

// The rules of issue "registration engine": a device clock may run a little ahead; registrations
// arriving much later than they were made (offline) are accepted and flagged.
const FUTURE_TOLERANCE_MS = 2 * 60_000;
const LATE_SYNC_AFTER_MS = 10 * 60_000;
const DEFAULT_MAX_EVENT_AGE_DAYS = 7;
const DEFAULT_POOR_ACCURACY_METERS = 100;

export interface RecordClockEventInput {
  tenantId: string;
  agentId: string;
  deviceId: string | null;
  event: ClockEventInput;
  ip?: string;
  requestId?: string;
}

/** The same registration sent twice has the same content hash: a replay, not a conflict. */
export function clockEventContentHash(event: ClockEventInput): string {
  const canonical = [
    event.taskId,
    event.action,
    new Date(event.deviceTime).toISOString(),
    event.position.latitude,
    event.position.longitude,
    event.position.accuracyMeters,
  ].join('|');
  return createHash('sha256').update(canonical).digest('hex');
}

const refuse = (
  code: ConstructorParameters<typeof DomainError>[0],
  message: string,
  details?: Record<string, unknown>,
) => new DomainError(code, message, details ? { details } : {});

/**
 * Records one registration: in one transaction the event, the work-session update, the audit row
 * and the ONSS outbox row; the live feed hears of it after the commit. A replay returns the stored
 * result; the same id with other content is a conflict.
 */
export async function recordClockEvent(ctx: AppContext, input: RecordClockEventInput) {
  const now = ctx.now();
  const deviceTime = new Date(input.event.deviceTime);
  const contentHash = clockEventContentHash(input.event);
  const { tenantId, agentId } = input;

  let result;
  try {
    result = await ctx.db.transaction(async (tx) => {
      const agent = await lockAgent(tx, tenantId, agentId);
      if (!agent) throw refuse('TOKEN_INVALID', 'Your agent account no longer exists. Sign in again.');
      const { tenant } = agent;

      const existing = await findClockEvent(tx, tenantId, input.event.id);
      if (existing) {
        if (existing.agentId !== agentId || existing.contentHash !== contentHash) {
          throw refuse(
            'CLOCK_EVENT_CONFLICT',
            'Another registration with this id was already recorded with other content.',
          );
        }
        return {
          outcome: 'already_recorded' as const,
          event: presentClockEvent(existing, await onssStatusOfEvent(tx, tenantId, existing.id)),
          state: presentClockState(await findOpenSession(tx, tenantId, agentId)),
          published: undefined,
        };
      }

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

      const linked = await findLinkedTask(tx, tenantId, agentId, input.event.taskId);
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
      const poorAccuracy =
        tenant.settings.anomalyThresholds?.poorAccuracyMeters ?? DEFAULT_POOR_ACCURACY_METERS;
      if (position.accuracyMeters > poorAccuracy) flags.push('POOR_ACCURACY');
      if (now.getTime() - deviceTime.getTime() > LATE_SYNC_AFTER_MS) flags.push('LATE_SYNC');
      const workDate = localDate(deviceTime, tenant.timeZone);
      if (!task.active) flags.push('TASK_INACTIVE');
      if ((task.validFrom && workDate < task.validFrom) || (task.validUntil && workDate > task.validUntil)) {
        flags.push('OUTSIDE_TASK_VALIDITY');
      }

      const action = input.event.action as ClockAction;
      const open = await findOpenSession(tx, tenantId, agentId);
      const closedByCorrection =
        open || action === 'ARRIVE'
          ? undefined
          : await findSessionClosedByCorrection(tx, tenantId, agentId, task.id, deviceTime);
      let state: ClockState = { status: 'OFF' };
      if (open)
        state = {
          status: open.state as 'WORKING' | 'ON_BREAK',
          taskId: open.taskId,
          since: open.lastEventAt,
        };
      if (closedByCorrection) {
        const registered = await sessionEvents(tx, tenantId, closedByCorrection.id);
        const last = registered.at(-1)?.action;
        state = {
          status: last === 'PAUSE' ? 'ON_BREAK' : 'WORKING',
          taskId: task.id,
          since: closedByCorrection.lastEventAt,
        };
      }
      if (!open && !closedByCorrection) {
        const last = await latestEventTime(tx, tenantId, agentId);
        if (last && deviceTime.getTime() < last.getTime()) {
          throw refuse('CLOCK_OUT_OF_ORDER', 'This registration is dated before your previous one.');
        }
      }
      const moved = transition(state, { action, taskId: task.id, at: deviceTime });
      if (!moved.ok) throw refuse(moved.code, moved.message);

      // Worked and break time grow by the time since the previous registration: registrations are
      // strictly ordered (CLOCK_OUT_OF_ORDER), so adding up step by step equals sessionDurations.
      const current = open ?? closedByCorrection;
      // A session closed by a manager's correction stays closed; its late registrations still count.
      const nextState = closedByCorrection || moved.state.status === 'OFF' ? 'CLOSED' : moved.state.status;
      const elapsed = current ? Math.max(0, Math.floor((deviceTime.getTime() - current.lastEventAt.getTime()) / 1000)) : 0;
      const totals = {
        workedSeconds: (current?.workedSeconds ?? 0) + (state.status === 'WORKING' ? elapsed : 0),
        breakSeconds: (current?.breakSeconds ?? 0) + (state.status === 'ON_BREAK' ? elapsed : 0),
        breakCount: (current?.breakCount ?? 0) + (action === 'PAUSE' ? 1 : 0),
      };
      const sessionChanges = {
        state: nextState,
        lastEventAt: deviceTime,
        endedAt: action === 'LEAVE' ? deviceTime : null,
        ...totals,
        updatedAt: now,
      };
      let workSessionId: string;
      if (current) {
        workSessionId = current.id;
        await updateWorkSession(tx, tenantId, workSessionId, sessionChanges);
      } else {
        workSessionId = await insertWorkSession(tx, {
          tenantId,
          agentId,
          taskId: task.id,
          siteId: site.id,
          workDate,
          startedAt: deviceTime,
          ...sessionChanges,
        });
      }
      const direction = directionOf(action);
      const recorded = {
        tenantId,
        id: input.event.id,
        agentId,
        taskId: task.id,
        siteId: site.id,
        deviceId: input.deviceId,
        workSessionId,
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
        contentHash,
      };
      await insertClockEvent(tx, recorded);
      await openEventAnomalies(tx, {
        tenantId,
        agentId,
        taskId: task.id,
        siteId: site.id,
        workSessionId,
        clockEventId: input.event.id,
        flags,
        openedAt: now,
        details: {
          distanceMeters: distance === null ? null : Math.round(distance),
          radiusMeters: site.geofenceRadiusMeters,
          accuracyMeters: position.accuracyMeters,
          minutesLate: Math.floor((now.getTime() - deviceTime.getTime()) / 60_000),
        },
      });

      const employer = agent.subcontractorId
        ? { enterpriseNumber: agent.subcontractorEnterpriseNumber, foreignVatNumber: agent.subcontractorForeignVatNumber }
        : { enterpriseNumber: tenant.enterpriseNumber, foreignVatNumber: null };
      const mapping = toOnssRegistration({
        direction,
        at: deviceTime,
        agent: { niss: agent.niss, employmentStatus: agent.employmentStatus },
        employer,
        site: { subjectToOnss: site.subjectToOnss, workDeclarationNumber: site.workDeclarationNumber },
        position: { latitude: position.latitude, longitude: position.longitude },
        tenantHasOnssConnection: Boolean(agent.onssClientId),
      });
      const onssStatus = mapping.applicable ? 'to_send' : 'not_applicable';
      await insertOnssRegistration(tx, {
        tenantId,
        clockEventId: input.event.id,
        agentId,
        siteId: site.id,
        direction,
        registrationTime: deviceTime,
        payload: mapping.applicable ? { ...mapping.content } : {},
        status: onssStatus,
        notApplicableReason: mapping.applicable ? null : mapping.reason,
        nextAttemptAt: mapping.applicable ? now : null,
      });

      await recordAudit(tx, {
        tenantId,
        actor: { type: 'agent', id: agentId },
        action: 'clock_event.recorded',
        entityType: 'clock_event',
        entityId: input.event.id,
        // Positions stay out of the audit trail (privacy): the event row holds them.
        after: { action, taskId: task.id, deviceTime: deviceTime.toISOString(), flags, onssStatus },
        ip: input.ip,
        requestId: input.requestId,
      });

      return {
        outcome: 'recorded' as const,
        event: presentClockEvent(recorded, onssStatus),
        state:
          nextState === 'CLOSED'
            ? presentClockState(undefined)
            : { status: nextState, taskId: task.id, since: deviceTime.toISOString(), workSessionId },
        published: { siteId: site.id, taskId: task.id, action, state: moved.state.status },
      };
    });
  } catch (error) {
    // Another agent's event already holds this id (the per-agent lock does not cover that case).
    if (isUniqueViolation(error)) {
      throw refuse(
        'CLOCK_EVENT_CONFLICT',
        'Another registration with this id was already recorded with other content.',
      );
    }
    throw error;
  }

  if (result.published) {
    ctx.events.publish('clock_event.recorded', {
      tenantId,
      agentId,
      taskId: result.published.taskId,
      siteId: result.published.siteId,
      clockEventId: input.event.id,
      action: result.published.action,
      deviceTime: deviceTime.toISOString(),
      state: result.published.state,
    });
  }
  return { outcome: result.outcome, event: result.event, state: result.state };
}
