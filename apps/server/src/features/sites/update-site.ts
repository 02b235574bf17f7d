import type { UpdateSiteRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { addressColumns } from '../clients/postal-address.js';
import { requireSiteRow } from './get-site.js';
import { siteAuditSnapshot } from './site-presenter.js';
import { updateSite as saveSite, type SiteValues } from './site-repository.js';
import { checkSiteFields } from './site-validation.js';

const copiedFields = [
  'clientId',
  'name',
  'latitude',
  'longitude',
  'geofenceRadiusMeters',
  'subjectToOnss',
  'costCentre',
  'active',
] as const;

/** Changes a site; only the fields sent change. The coordinates pair rule applies to the result. */
export async function updateSite(ctx: AppContext, caller: Caller, siteId: string, input: UpdateSiteRequest) {
  const current = await requireSiteRow(ctx.db, caller.tenantId, siteId);
  const { workDeclarationNumber } = await checkSiteFields(ctx.db, caller.tenantId, input, {
    latitude: input.latitude === undefined ? current.latitude : input.latitude,
    longitude: input.longitude === undefined ? current.longitude : input.longitude,
  });
  const changes: Partial<SiteValues> = {};
  for (const field of copiedFields) {
    if (input[field] !== undefined) Object.assign(changes, { [field]: input[field] });
  }
  if (workDeclarationNumber !== undefined) changes.workDeclarationNumber = workDeclarationNumber;
  if (input.address) Object.assign(changes, addressColumns(input.address));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await saveSite(tx, caller.tenantId, siteId, changes, now);
    const updated = await requireSiteRow(tx, caller.tenantId, siteId);
    await recordCallerAudit(tx, caller, {
      action: 'site.updated',
      entityType: 'site',
      entityId: siteId,
      ...auditDiff(siteAuditSnapshot(current), siteAuditSnapshot(updated)),
    });
    return updated;
  });
}
