import type { PlatformContext } from './platform-context.js';
import { listTenantUsage } from './platform-repository.js';

/** Every company with its usage this month (read only: not audited). */
export async function listTenants(ctx: Pick<PlatformContext, 'db' | 'now'>) {
  return listTenantUsage(ctx.db, ctx.now());
}
