import type { SubcontractorView } from '@ciao/domain';
import type { SubcontractorRow } from './subcontractor-repository.js';

export function presentSubcontractor(row: SubcontractorRow): SubcontractorView {
  return {
    id: row.id,
    name: row.name,
    enterpriseNumber: row.enterpriseNumber,
    foreignVatNumber: row.foreignVatNumber,
    contactEmail: row.contactEmail,
    active: row.active,
    agentCount: row.agentCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function subcontractorAuditSnapshot(row: SubcontractorRow) {
  return {
    name: row.name,
    enterpriseNumber: row.enterpriseNumber,
    foreignVatNumber: row.foreignVatNumber,
    contactEmail: row.contactEmail,
    active: row.active,
  };
}
