import {
  DomainError,
  parseEnterpriseNumber,
  parseOnssEmployerNumber,
  type FieldError,
  type UpdateCompanyRequest,
} from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { companyAuditSnapshot } from './company-presenter.js';
import { updateCompany as saveCompany, type CompanyChanges } from './company-repository.js';
import { requireCompany } from './get-company.js';

/**
 * Changes the company's identity and settings; only the fields sent change. The enterprise number
 * is stored as its 10 digits, the ONSS employer number as its bare digits. Settings unknown to this
 * screen (kept by other features) are preserved.
 */
export async function updateCompany(ctx: AppContext, caller: Caller, input: UpdateCompanyRequest) {
  const current = await requireCompany(ctx.db, caller.tenantId);
  const errors: FieldError[] = [];
  const changes: CompanyChanges = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.timeZone !== undefined) changes.timeZone = input.timeZone;
  if (input.defaultLanguage !== undefined) changes.defaultLanguage = input.defaultLanguage;
  if (input.enterpriseNumber !== undefined) {
    const parsed = input.enterpriseNumber === null ? null : parseEnterpriseNumber(input.enterpriseNumber);
    if (parsed === null) changes.enterpriseNumber = null;
    else if (parsed.ok) changes.enterpriseNumber = parsed.value;
    else errors.push({ path: 'enterpriseNumber', code: parsed.code, message: parsed.message });
  }
  if (input.onssEmployerNumber !== undefined) {
    const parsed =
      input.onssEmployerNumber === null ? null : parseOnssEmployerNumber(input.onssEmployerNumber);
    if (parsed === null) changes.onssEmployerNumber = null;
    else if (parsed.ok) changes.onssEmployerNumber = parsed.value.number;
    else errors.push({ path: 'onssEmployerNumber', code: parsed.code, message: parsed.message });
  }
  if (errors.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'Some fields are invalid: fix them and send the form again.', {
      fieldErrors: errors,
    });
  }
  if (input.settings !== undefined) changes.settings = { ...current.settings, ...input.settings };

  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await saveCompany(tx, caller.tenantId, changes, now);
    const updated = await requireCompany(tx, caller.tenantId);
    await recordCallerAudit(tx, caller, {
      action: 'company.updated',
      entityType: 'tenant',
      entityId: caller.tenantId,
      ...auditDiff(companyAuditSnapshot(current), companyAuditSnapshot(updated)),
    });
    return updated;
  });
}
