import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { findTenantByCode } from '../tenants/tenant-repository.js';

/** The company with this code, or NOT_FOUND naming the code. */
export async function requireTenantByCode(db: Db, code: string) {
  const tenant = await findTenantByCode(db, code);
  if (!tenant) throw new DomainError('NOT_FOUND', `No company has the code ${code.trim().toUpperCase()}.`);
  return tenant;
}
