import type { ClientView } from '@ciao/domain';
import type { ClientRow } from './client-repository.js';
import { presentAddress } from './postal-address.js';

export function presentClient(row: ClientRow): ClientView {
  return {
    id: row.id,
    name: row.name,
    reference: row.reference,
    enterpriseNumber: row.enterpriseNumber,
    vatNumber: row.vatNumber,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    address: presentAddress(row),
    active: row.active,
    siteCount: row.siteCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function clientAuditSnapshot(row: ClientRow) {
  const { id: _id, siteCount: _sites, createdAt: _created, updatedAt: _updated, ...fields } = row;
  return fields;
}
