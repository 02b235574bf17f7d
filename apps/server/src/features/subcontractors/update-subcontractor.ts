import { DomainError, type UpdateSubcontractorRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import {
  findSubcontractor,
  updateSubcontractor as saveSubcontractor,
  type SubcontractorValues,
} from './subcontractor-repository.js';
import { subcontractorAuditSnapshot } from './subcontractor-presenter.js';
import { checkEmployerIdentity } from './subcontractor-validation.js';

/** Changes a subcontractor; only the fields sent change. Deactivating it keeps its agents as they are. */
export async function updateSubcontractor(
  ctx: AppContext,
  caller: Caller,
  subcontractorId: string,
  input: UpdateSubcontractorRequest,
) {
  const current = await findSubcontractor(ctx.db, caller.tenantId, subcontractorId);
  if (!current) throw new DomainError('NOT_FOUND', 'This subcontractor does not exist.');
  const changes: Partial<SubcontractorValues> = {};
  if (input.enterpriseNumber !== undefined || input.foreignVatNumber !== undefined)
    Object.assign(changes, checkEmployerIdentity(input, current));
  if (input.name !== undefined) changes.name = input.name;
  if (input.contactEmail !== undefined) changes.contactEmail = input.contactEmail;
  if (input.active !== undefined) changes.active = input.active;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await saveSubcontractor(tx, caller.tenantId, subcontractorId, changes, now);
    const updated = await findSubcontractor(tx, caller.tenantId, subcontractorId);
    if (!updated) throw new DomainError('NOT_FOUND', 'This subcontractor does not exist.');
    await recordCallerAudit(tx, caller, {
      action: 'subcontractor.updated',
      entityType: 'subcontractor',
      entityId: subcontractorId,
      ...auditDiff(subcontractorAuditSnapshot(current), subcontractorAuditSnapshot(updated)),
    });
    return updated;
  });
}
