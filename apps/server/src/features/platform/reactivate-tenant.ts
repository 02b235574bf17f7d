import { DomainError } from '@ciao/domain';
import { recordAudit } from '../audit/audit-repository.js';
import type { PlatformContext } from './platform-context.js';
import { setTenantStatus } from './platform-repository.js';
import { requireTenantByCode } from './require-tenant.js';

/** Reactivates a suspended company: its users, devices and data work again as before. */
export async function reactivateTenant(ctx: PlatformContext, code: string) {
  const tenant = await requireTenantByCode(ctx.db, code);
  if (tenant.status === 'active') {
    throw new DomainError('CONFLICT', `The company ${tenant.code} is already active.`);
  }
  await ctx.db.transaction(async (tx) => {
    await setTenantStatus(tx, tenant.id, 'active', ctx.now());
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: ctx.actor,
      ...ctx.origin,
      action: 'tenant.reactivated',
      entityType: 'tenant',
      entityId: tenant.id,
      before: { status: tenant.status },
      after: { status: 'active' },
    });
  });
  return { ...tenant, status: 'active' };
}
