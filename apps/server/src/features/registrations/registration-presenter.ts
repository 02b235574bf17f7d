import type { OnssRegistrationStatus, RegistrationDetail, RegistrationView } from '@ciao/domain';
import type { onssRegistrations } from '../../db/schema/index.js';
import type { RegistrationDetailRow, RegistrationRow } from './registration-repository.js';

type Action = RegistrationView['action'];

export function presentRegistration(row: RegistrationRow): RegistrationView {
  const { event } = row;
  return {
    id: event.id,
    agent: {
      id: event.agentId,
      identifier: row.agentIdentifier,
      name: `${row.agentFirstName} ${row.agentLastName}`,
    },
    task: { id: event.taskId, name: row.taskName },
    site: { id: event.siteId, name: row.siteName },
    client: { id: row.clientId, name: row.clientName },
    action: event.action as Action,
    direction: event.direction as 'IN' | 'OUT',
    deviceTime: event.deviceTime.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
    distanceMeters: event.distanceMeters,
    insideGeofence: event.insideGeofence,
    accuracyMeters: event.accuracyMeters,
    capturedOffline: event.capturedOffline,
    flags: event.flags,
    onssStatus: (row.onssStatus as OnssRegistrationStatus | null) ?? null,
    openAnomalies: row.openAnomalies,
    workSessionId: event.workSessionId,
  };
}

type OnssRow = typeof onssRegistrations.$inferSelect;
type OnssHistory = NonNullable<RegistrationDetail['onss']>['history'];

/**
 * A registration's way to ONSS, oldest first: queued, sent, given an ONSS id, each verdict ONSS
 * reported, validated. Attempts that failed leave no step of their own (only `attempts` and
 * `lastError` are kept), so they are shown beside the history rather than in it.
 */
export function onssHistory(onss: OnssRow): OnssHistory {
  const steps: OnssHistory = [
    { at: onss.createdAt.toISOString(), kind: 'created', validity: null, remarks: [] },
  ];
  if (onss.sentAt) steps.push({ at: onss.sentAt.toISOString(), kind: 'sent', validity: null, remarks: [] });
  if (onss.registeredAt) {
    steps.push({ at: onss.registeredAt.toISOString(), kind: 'registered', validity: null, remarks: [] });
  }
  for (const entry of onss.validityHistory) {
    steps.push({
      at: new Date(entry.at).toISOString(),
      kind: 'validity',
      validity: entry.validity,
      remarks: entry.remarks,
    });
  }
  if (onss.validatedAt) {
    steps.push({ at: onss.validatedAt.toISOString(), kind: 'validated', validity: null, remarks: [] });
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

export function presentRegistrationDetail(
  row: RegistrationDetailRow,
  anomalies: { id: string; type: string; status: string; openedAt: Date }[],
  workSession:
    | {
        id: string;
        workDate: string;
        state: string;
        startedAt: Date;
        endedAt: Date | null;
        corrected: boolean;
      }
    | undefined,
): RegistrationDetail {
  const { onss } = row;
  return {
    ...presentRegistration(row),
    position:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude, accuracyMeters: row.event.accuracyMeters }
        : null,
    positionAnonymisedAt: row.positionAnonymisedAt?.toISOString() ?? null,
    sitePosition:
      row.siteLatitude !== null && row.siteLongitude !== null
        ? { latitude: row.siteLatitude, longitude: row.siteLongitude }
        : null,
    geofenceRadiusMeters: row.geofenceRadiusMeters,
    appVersion: row.appVersion,
    onss: onss
      ? {
          id: onss.id,
          status: onss.status as OnssRegistrationStatus,
          onssId: onss.onssId,
          attempts: onss.attempts,
          nextAttemptAt: onss.nextAttemptAt?.toISOString() ?? null,
          lastError: onss.lastError,
          remarks: onss.remarks,
          notApplicableReason: onss.notApplicableReason,
          validityHistory: onss.validityHistory,
          history: onssHistory(onss),
        }
      : null,
    anomalies: anomalies.map((anomaly) => ({ ...anomaly, openedAt: anomaly.openedAt.toISOString() })),
    workSession: workSession
      ? {
          id: workSession.id,
          workDate: workSession.workDate,
          state: workSession.state as 'WORKING' | 'ON_BREAK' | 'CLOSED',
          startedAt: workSession.startedAt.toISOString(),
          endedAt: workSession.endedAt?.toISOString() ?? null,
          corrected: workSession.corrected,
        }
      : null,
  };
}
