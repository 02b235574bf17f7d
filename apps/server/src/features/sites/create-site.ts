import { defaultCompanySettings, type CreateSiteRequest } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { addressColumns } from '../clients/postal-address.js';
import { findCompany } from '../company/company-repository.js';
import { requireSiteRow } from './get-site.js';
import { siteAuditSnapshot } from './site-presenter.js';
import { insertSite } from './site-repository.js';
import { checkSiteFields } from './site-validation.js';

/** Creates a site; without a radius it takes the company's default geofence radius. */
export async function createSite(ctx: AppContext, caller: Caller, input: CreateSiteRequest) {
  const latitude = input.latitude ?? null;
  const longitude = input.longitude ?? null;
  const { workDeclarationNumber } = await checkSiteFields(ctx.db, caller.tenantId, input, {
    latitude,
    longitude,
  });
  const company = await findCompany(ctx.db, caller.tenantId);
  const geofenceRadiusMeters =
    input.geofenceRadiusMeters ??
    company?.settings.defaultGeofenceRadiusMeters ??
    defaultCompanySettings.defaultGeofenceRadiusMeters;
  const now = ctx.now();
  return ctx.db.transaction((tx) =>
    insertSiteWithAudit(
      tx,
      caller,
      input,
      { latitude, longitude, geofenceRadiusMeters, workDeclarationNumber: workDeclarationNumber ?? null },
      now,
    ),
  );
}

/** The writes of a site's creation, in the caller's transaction, once its fields are checked. */
export async function insertSiteWithAudit(
  tx: Db,
  caller: Caller,
  input: CreateSiteRequest,
  checked: {
    latitude: number | null;
    longitude: number | null;
    geofenceRadiusMeters: number;
    workDeclarationNumber: string | null;
  },
  now: Date,
) {
  const id = await insertSite(
    tx,
    caller.tenantId,
    {
      clientId: input.clientId,
      name: input.name,
      ...addressColumns(input.address),
      ...checked,
      subjectToOnss: input.subjectToOnss,
      costCentre: input.costCentre ?? null,
      active: input.active,
    },
    now,
  );
  const created = await requireSiteRow(tx, caller.tenantId, id);
  await recordCallerAudit(tx, caller, {
    action: 'site.created',
    entityType: 'site',
    entityId: id,
    after: siteAuditSnapshot(created),
  });
  return created;
}
