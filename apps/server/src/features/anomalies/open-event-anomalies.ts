import { anomalyDedupeKey, anomalyTypesOfFlags, type EventFlagAnomalyType } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { insertAnomalies } from './anomaly-repository.js';

export interface EventAnomalyInput {
  tenantId: string;
  agentId: string;
  taskId: string;
  siteId: string;
  workSessionId: string;
  clockEventId: string;
  /** The flags the registration engine set on the event. */
  flags: readonly string[];
  /** What explains the flags; never the position itself (privacy: the event row holds it). */
  details: {
    distanceMeters?: number | null;
    radiusMeters?: number;
    accuracyMeters?: number;
    minutesLate?: number;
  };
  /** The registration's clock (the server's now). */
  openedAt?: Date;
}

function detailsOf(
  type: EventFlagAnomalyType,
  details: EventAnomalyInput['details'],
): Record<string, unknown> {
  switch (type) {
    case 'OUTSIDE_GEOFENCE':
      return {
        distanceMeters: details.distanceMeters ?? null,
        radiusMeters: details.radiusMeters ?? null,
        accuracyMeters: details.accuracyMeters ?? null,
      };
    case 'POOR_ACCURACY':
      return { accuracyMeters: details.accuracyMeters ?? null };
    case 'LATE_SYNC':
      return { minutesLate: details.minutesLate ?? null };
  }
}

/** The anomaly rows a registration's flags open (none when it has no flag). */
export function eventAnomalyRows(input: EventAnomalyInput) {
  const openedAt = input.openedAt ?? new Date();
  return anomalyTypesOfFlags(input.flags).map((type) => ({
    tenantId: input.tenantId,
    type,
    dedupeKey: anomalyDedupeKey(type, input.clockEventId),
    agentId: input.agentId,
    taskId: input.taskId,
    siteId: input.siteId,
    workSessionId: input.workSessionId,
    clockEventId: input.clockEventId,
    details: detailsOf(type, input.details),
    openedAt,
    updatedAt: openedAt,
  }));
}

/**
 * Opens the OUTSIDE_GEOFENCE, POOR_ACCURACY and LATE_SYNC anomalies of registrations just
 * recorded, in the registrations' transaction: the events and their anomalies commit together.
 * They stay until a manager resolves them (what happened cannot un-happen).
 */
export async function openEventAnomalies(
  tx: Db,
  inputs: EventAnomalyInput | readonly EventAnomalyInput[],
): Promise<number> {
  const rows = (Array.isArray(inputs) ? inputs : [inputs]).flatMap((input: EventAnomalyInput) =>
    eventAnomalyRows(input),
  );
  if (rows.length === 0) return 0;
  return insertAnomalies(tx, rows);
}
