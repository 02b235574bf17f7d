import { randomUUID } from 'node:crypto';
import { defaultCompanySettings, type CreateSiteRequest } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudits } from '../audit/audit-repository.js';
import { addressColumns } from '../clients/postal-address.js';
import { findCompany } from '../company/company-repository.js';
import { siteAuditSnapshot } from './site-presenter.js';
import { findSites, insertSites } from './site-repository.js';
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
  return ctx.db.transaction(async (tx) => {
    const [created] = await insertSitesWithAudit(
      tx,
      caller,
      [
        {
          input,
          checked: {
            latitude,
            longitude,
            geofenceRadiusMeters,
            workDeclarationNumber: workDeclarationNumber ?? null,
          },
        },
      ],
      now,
    );
    return created!;
  });
}

/** What a site's creation writes once its checks passed. */
export interface CheckedSiteCreation {
  input: CreateSiteRequest;
  checked: {
    latitude: number | null;
    longitude: number | null;
    geofenceRadiusMeters: number;
    workDeclarationNumber: string | null;
  };
}

/**
 * The writes of sites' creation, in the caller's transaction and in a few statements whatever
 * their number (an import): the sites and an audit row each, once their fields are checked.
 */
export async function insertSitesWithAudit(
  tx: Db,
  caller: Caller,
  items: readonly CheckedSiteCreation[],
  now: Date,
) {
  const ids = items.map(() => randomUUID());
  await insertSites(
    tx,
    caller.tenantId,
    items.map(({ input, checked }, index) => ({
      id: ids[index]!,
      clientId: input.clientId,
      name: input.name,
      ...addressColumns(input.address),
      ...checked,
      subjectToOnss: input.subjectToOnss,
      costCentre: input.costCentre ?? null,
      active: input.active,
    })),
    now,
  );
  const byId = new Map((await findSites(tx, caller.tenantId, ids)).map((site) => [site.id, site]));
  const created = ids.map((id) => {
    const site = byId.get(id);
    if (!site) throw new Error('site not found after insert');
    return site;
  });
  await recordCallerAudits(
    tx,
    caller,
    created.map((site) => ({
      action: 'site.created',
      entityType: 'site',
      entityId: site.id,
      after: siteAuditSnapshot(site),
    })),
  );
  return created;
}
