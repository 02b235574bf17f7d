import { DomainError, type AcknowledgeAnomalyRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { anomalyAuditSnapshot } from './anomaly-presenter.js';
import { lockAnomaly, updateAnomaly } from './anomaly-repository.js';
import { requireAnomalyRow } from './get-anomaly.js';

/**
 * A manager has seen an anomaly (optionally saying what they do about it). It stays listed, and
 * the scan still closes it if its cause disappears. Acknowledging it again changes nothing; a
 * resolved anomaly cannot be acknowledged (CONFLICT).
 */
export async function acknowledgeAnomaly(
  ctx: AppContext,
  caller: Caller,
  anomalyId: string,
  input: AcknowledgeAnomalyRequest,
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const current = await lockAnomaly(tx, caller.tenantId, anomalyId);
    if (!current) throw new DomainError('NOT_FOUND', 'This anomaly does not exist.');
    if (current.status === 'resolved') throw new DomainError('CONFLICT', 'This anomaly is already resolved.');
    const comment = input.comment ?? null;
    if (current.status === 'acknowledged' && (comment === null || comment === current.comment)) {
      return requireAnomalyRow(tx, caller.tenantId, anomalyId);
    }
    const changes = {
      status: 'acknowledged',
      acknowledgedAt: current.acknowledgedAt ?? now,
      acknowledgedByUserId: current.acknowledgedByUserId ?? caller.userId,
      comment: comment ?? current.comment,
      updatedAt: now,
    };
    await updateAnomaly(tx, caller.tenantId, anomalyId, changes);
    await recordCallerAudit(tx, caller, {
      action: 'anomaly.acknowledged',
      entityType: 'anomaly',
      entityId: anomalyId,
      before: anomalyAuditSnapshot(current),
      after: anomalyAuditSnapshot({ type: current.type, status: changes.status, comment: changes.comment }),
    });
    return requireAnomalyRow(tx, caller.tenantId, anomalyId);
  });
}
