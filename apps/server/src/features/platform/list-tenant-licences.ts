import { licenceListQuery } from '@ciao/domain';
import { listLicences } from '../licences/licence-repository.js';
import type { PlatformContext } from './platform-context.js';
import { requireTenantByCode } from './require-tenant.js';

/** A company's licences (newest first, at most 200) with their active devices, for the operator. */
export async function listTenantLicences(ctx: Pick<PlatformContext, 'db' | 'now'>, tenantCode: string) {
  const tenant = await requireTenantByCode(ctx.db, tenantCode);
  const found = await listLicences(ctx.db, tenant.id, licenceListQuery.parse({ pageSize: 200 }), ctx.now());
  return { tenant, items: found.items };
}
