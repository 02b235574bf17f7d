import type { LicenceRequestSummary, PlatformLicenceRequest } from '@ciao/domain';
import type { LicenceRequestRow } from './licence-request-repository.js';

const statuses = new Set(['open', 'answered', 'refused']);

export function presentLicenceRequest(row: LicenceRequestRow): LicenceRequestSummary {
  const { request } = row;
  return {
    id: request.id,
    reason: request.message ?? '',
    requestedMaxDevices: request.requestedMaxDevices ?? 0,
    status: (statuses.has(request.status) ? request.status : 'open') as LicenceRequestSummary['status'],
    answer: request.answer,
    answeredAt: request.answeredAt?.toISOString() ?? null,
    licence: row.licence,
    requestedBy: row.requestedBy,
    createdAt: request.createdAt.toISOString(),
  };
}

/** The operator's view: the same, with the company it comes from. */
export function presentPlatformLicenceRequest(row: LicenceRequestRow): PlatformLicenceRequest {
  return { ...presentLicenceRequest(row), tenant: row.tenant };
}
