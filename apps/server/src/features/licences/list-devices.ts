import { DomainError, type DeviceListQuery } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { listDevices as selectDevices } from './device-repository.js';
import { findLicence } from './licence-repository.js';

/** One page of the company's devices; a licence of another company is unknown here (404). */
export async function listDevices(db: Db, tenantId: string, query: DeviceListQuery) {
  if (query.licenceId && !(await findLicence(db, tenantId, query.licenceId)))
    throw new DomainError('NOT_FOUND', 'No such licence in your company.');
  return selectDevices(db, tenantId, query);
}
