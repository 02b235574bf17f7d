import { DomainError, type CreateSubcontractorRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { findSubcontractor, insertSubcontractor } from './subcontractor-repository.js';
import { subcontractorAuditSnapshot } from './subcontractor-presenter.js';
import { checkEmployerIdentity } from './subcontractor-validation.js';

export async function createSubcontractor(
  ctx: AppContext,
  caller: Caller,
  input: CreateSubcontractorRequest,
) {
  const employer = checkEmployerIdentity(input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const id = await insertSubcontractor(
      tx,
      caller.tenantId,
      { name: input.name, ...employer, contactEmail: input.contactEmail ?? null, active: input.active },
      now,
    );
    const created = await findSubcontractor(tx, caller.tenantId, id);
    if (!created) throw new DomainError('NOT_FOUND', 'This subcontractor does not exist.');
    await recordCallerAudit(tx, caller, {
      action: 'subcontractor.created',
      entityType: 'subcontractor',
      entityId: id,
      after: subcontractorAuditSnapshot(created),
    });
    return created;
  });
}
