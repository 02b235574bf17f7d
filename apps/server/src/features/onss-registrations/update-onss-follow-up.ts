import { DomainError, type UpdateOnssFollowUpRequest } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { onssRegistrations } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireOnssRegistrationRow } from './get-onss-registration.js';
import { followUpAuditSnapshot } from './onss-registration-presenter.js';
import {
  lockOnssRegistrations,
  updateOnssRegistrations,
  webUserOfTenant,
} from './onss-registration-repository.js';

/** The assignee must be a web user of the company (VALIDATION_FAILED on `assigneeId` otherwise). */
export async function assertAssignee(db: Db, tenantId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  if (await webUserOfTenant(db, tenantId, assigneeId)) return;
  throw new DomainError('VALIDATION_FAILED', 'The assignee is not a user of the company.', {
    fieldErrors: [{ path: 'assigneeId', code: 'NOT_FOUND', message: 'is not a user of the company' }],
  });
}

/**
 * Changes the follow-up fields of one registration (administrators, supervisors, inspectors): the
 * only fields of a registration a person may edit; audited with before and after.
 */
export async function updateOnssFollowUp(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: UpdateOnssFollowUpRequest,
) {
  await assertAssignee(ctx.db, caller.tenantId, input.assigneeId);
  const changes: Partial<typeof onssRegistrations.$inferInsert> = {};
  if (input.followUpStatus !== undefined) changes.followUpStatus = input.followUpStatus;
  if (input.comment !== undefined) changes.followUpComment = input.comment;
  if (input.assigneeId !== undefined) changes.followUpAssigneeId = input.assigneeId;
  if (input.correctionRequestReference !== undefined)
    changes.correctionRequestReference = input.correctionRequestReference;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [current] = await lockOnssRegistrations(tx, caller.tenantId, [id]);
    if (!current) throw new DomainError('NOT_FOUND', 'This ONSS registration does not exist.');
    await updateOnssRegistrations(tx, caller.tenantId, [id], { ...changes, updatedAt: now });
    const updated = await requireOnssRegistrationRow(tx, caller.tenantId, id);
    await recordCallerAudit(tx, caller, {
      action: 'onss_registration.follow_up_updated',
      entityType: 'onss_registration',
      entityId: id,
      ...auditDiff(followUpAuditSnapshot(current), followUpAuditSnapshot(updated.registration)),
    });
    return updated;
  });
}
