import type { BulkOnssFollowUpRequest, OnssBulkResult } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordAudits, type AuditEntry } from '../audit/audit-repository.js';
import { followUpAuditSnapshot } from './onss-registration-presenter.js';
import { lockOnssRegistrations, updateOnssRegistrations } from './onss-registration-repository.js';

/** Sets the follow-up status of many registrations at once, with a result (and an audit row) per id. */
export async function bulkUpdateOnssFollowUp(
  ctx: AppContext,
  caller: Caller,
  input: BulkOnssFollowUpRequest,
): Promise<OnssBulkResult> {
  const ids = [...new Set(input.ids)];
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await lockOnssRegistrations(tx, caller.tenantId, ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    const changed = rows.filter((row) => row.followUpStatus !== input.followUpStatus);
    await updateOnssRegistrations(
      tx,
      caller.tenantId,
      changed.map((row) => row.id),
      { followUpStatus: input.followUpStatus, updatedAt: now },
    );
    const audits: AuditEntry[] = changed.map((row) => ({
      tenantId: caller.tenantId,
      actor: { type: 'user', id: caller.userId },
      action: 'onss_registration.follow_up_updated',
      entityType: 'onss_registration',
      entityId: row.id,
      before: { followUpStatus: followUpAuditSnapshot(row).followUpStatus },
      after: { followUpStatus: input.followUpStatus },
      ip: caller.ip,
      requestId: caller.requestId,
    }));
    await recordAudits(tx, audits);
    return {
      results: ids.map((id) =>
        found.has(id)
          ? { id, ok: true }
          : { id, ok: false, code: 'NOT_FOUND', message: 'This ONSS registration does not exist.' },
      ),
    };
  });
}
