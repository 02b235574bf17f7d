import type { AnomalyView } from '@ciao/domain';
import type { AnomalyRow } from './anomaly-repository.js';

const named = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function presentAnomaly(row: AnomalyRow): AnomalyView {
  const { anomaly } = row;
  const agentName =
    row.agentFirstName === null ? null : `${row.agentFirstName} ${row.agentLastName ?? ''}`.trim();
  return {
    id: anomaly.id,
    type: anomaly.type as AnomalyView['type'],
    status: anomaly.status as AnomalyView['status'],
    agent: named(anomaly.agentId, agentName),
    site: named(anomaly.siteId, row.siteName),
    task: named(anomaly.taskId, row.taskName),
    workSessionId: anomaly.workSessionId,
    clockEventId: anomaly.clockEventId,
    onssRegistrationId: anomaly.onssRegistrationId,
    details: anomaly.details,
    openedAt: anomaly.openedAt.toISOString(),
    acknowledgedAt: anomaly.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByUserId: anomaly.acknowledgedByUserId,
    resolvedAt: anomaly.resolvedAt?.toISOString() ?? null,
    resolvedByUserId: anomaly.resolvedByUserId,
    resolvedAutomatically: anomaly.resolvedAutomatically,
    comment: anomaly.comment,
    updatedAt: anomaly.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of an anomaly's handling. */
export function anomalyAuditSnapshot(anomaly: {
  type: string;
  status: string;
  comment: string | null;
}): Record<string, unknown> {
  return { type: anomaly.type, status: anomaly.status, comment: anomaly.comment };
}
