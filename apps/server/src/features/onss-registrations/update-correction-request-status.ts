import { DomainError, type UpdateCorrectionRequestStatusRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordAudits } from '../audit/audit-repository.js';
import { lockCorrectionRequest, updateCorrectionRequest } from './correction-request-repository.js';
import { requireCorrectionRequest } from './get-correction-request.js';

/**
 * Records where the request stands with ONSS: `submitted` once the company sent it (the deadline
 * reminders then close at the next scan), `answered` once ONSS replied, or back to `draft` when it
 * was marked by mistake. Audited; setting the same status again changes nothing.
 */
export async function updateCorrectionRequestStatus(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: UpdateCorrectionRequestStatusRequest,
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const request = await lockCorrectionRequest(tx, caller.tenantId, id);
    if (!request) throw new DomainError('NOT_FOUND', 'This correction request does not exist.');
    if (request.status !== input.status) {
      const submittedAt =
        input.status === 'draft' ? null : input.status === 'submitted' ? now : (request.submittedAt ?? now);
      await updateCorrectionRequest(tx, caller.tenantId, id, {
        status: input.status,
        submittedAt,
        updatedAt: now,
      });
      await recordAudits(tx, [
        {
          tenantId: caller.tenantId,
          actor: { type: 'user', id: caller.userId },
          action: 'correction_request.status_changed',
          entityType: 'correction_request',
          entityId: id,
          before: { status: request.status, submittedAt: request.submittedAt?.toISOString() ?? null },
          after: { status: input.status, submittedAt: submittedAt?.toISOString() ?? null },
          ip: caller.ip,
          requestId: caller.requestId,
        },
      ]);
    }
    return requireCorrectionRequest(tx, caller.tenantId, id);
  });
}
