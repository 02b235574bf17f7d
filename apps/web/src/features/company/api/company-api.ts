import { companyView } from '@ciao/domain';
import type { CompanyView, UpdateCompanyRequest } from '@ciao/domain';
import { api } from '../../../lib/api';

/** `GET /api/company` (company.read). */
export function getCompany(signal?: AbortSignal): Promise<CompanyView> {
  return api.get('/api/company', companyView, { signal });
}

/** `PATCH /api/company` (company.write): only the fields sent change. */
export function updateCompany(body: UpdateCompanyRequest): Promise<CompanyView> {
  return api.patch('/api/company', companyView, body);
}
