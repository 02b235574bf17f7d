import { DomainError, type ResolveAnomalyRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { anomalyAuditSnapshot } from './anomaly-presenter.js';
import { lockAnomaly, updateAnomaly } from './anomaly-repository.js';
import { requireAnomalyRow } from './get-anomaly.js';

/**
 * A manager resolves an anomaly, saying what was done (the comment is mandatory: it is the
 * explanation an inspector reads). The scan never reopens a cause resolved this way; a resolved
 * anomaly cannot be resolved again (CONFLICT).
 */
export async function resolveAnomaly(
  ctx: AppContext,
  caller: Caller,
  anomalyId: string,
  input: ResolveAnomalyRequest,
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const current = await lockAnomaly(tx, caller.tenantId, anomalyId);
    if (!current) throw new DomainError('NOT_FOUND', 'This anomaly does not exist.');
    if (current.status === 'resolved') throw new DomainError('CONFLICT', 'This anomaly is already resolved.');
    await updateAnomaly(tx, caller.tenantId, anomalyId, {
      status: 'resolved',
      resolvedAt: now,
      resolvedByUserId: caller.userId,
      resolvedAutomatically: false,
      comment: input.comment,
      updatedAt: now,
    });
    await recordCallerAudit(tx, caller, {
      action: 'anomaly.resolved',
      entityType: 'anomaly',
      entityId: anomalyId,
      before: anomalyAuditSnapshot(current),
      after: anomalyAuditSnapshot({ type: current.type, status: 'resolved', comment: input.comment }),
    });
    return requireAnomalyRow(tx, caller.tenantId, anomalyId);
  });
}
