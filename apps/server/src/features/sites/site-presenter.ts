import type { SiteView } from '@ciao/domain';
import { presentAddress } from '../clients/postal-address.js';
import type { SiteRow } from './site-repository.js';

export function presentSite(row: SiteRow): SiteView {
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: row.clientName,
    name: row.name,
    address: presentAddress(row),
    latitude: row.latitude,
    longitude: row.longitude,
    geofenceRadiusMeters: row.geofenceRadiusMeters,
    workDeclarationNumber: row.workDeclarationNumber,
    subjectToOnss: row.subjectToOnss,
    costCentre: row.costCentre,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function siteAuditSnapshot(row: SiteRow) {
  const { id: _id, clientName: _client, createdAt: _created, updatedAt: _updated, ...fields } = row;
  return fields;
}
