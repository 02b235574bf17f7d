import { companyView, onssConnectionTestResult, onssConnectionView } from '@ciao/domain';
import type {
  CompanyView,
  OnssConnectionTestResult,
  OnssConnectionView,
  UpdateCompanyRequest,
  UpdateOnssConnectionRequest,
} from '@ciao/domain';
import { api } from '../../../lib/api';

/** `GET /api/company` (company.read). */
export function getCompany(signal?: AbortSignal): Promise<CompanyView> {
  return api.get('/api/company', companyView, { signal });
}

/** `PATCH /api/company` (company.write): only the fields sent change. */
export function updateCompany(body: UpdateCompanyRequest): Promise<CompanyView> {
  return api.patch('/api/company', companyView, body);
}

/** `GET /api/company/onss-connection` (company.read): never the private key, only its fingerprint. */
export function getOnssConnection(signal?: AbortSignal): Promise<OnssConnectionView> {
  return api.get('/api/company/onss-connection', onssConnectionView, { signal });
}

/** `PUT /api/company/onss-connection` (company.write): the key, when sent, is stored encrypted. */
export function updateOnssConnection(body: UpdateOnssConnectionRequest): Promise<OnssConnectionView> {
  return api.put('/api/company/onss-connection', onssConnectionView, body);
}

/** `POST /api/company/onss-connection/test`: asks ONSS for a token with the stored key. */
export function testOnssConnection(): Promise<OnssConnectionTestResult> {
  return api.post('/api/company/onss-connection/test', onssConnectionTestResult, {});
}
