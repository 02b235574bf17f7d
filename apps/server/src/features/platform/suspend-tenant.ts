import { DomainError } from '@ciao/domain';
import { recordAudit } from '../audit/audit-repository.js';
import type { PlatformContext } from './platform-context.js';
import { setTenantStatus } from './platform-repository.js';
import { requireTenantByCode } from './require-tenant.js';

/**
 * Suspends a company: its users cannot sign in, its devices and agents are refused (with a message
 * saying so), and its sessions are refused at their next request. Nothing is deleted.
 */
export async function suspendTenant(ctx: PlatformContext, code: string) {
  const tenant = await requireTenantByCode(ctx.db, code);
  if (tenant.status === 'suspended') {
    throw new DomainError('CONFLICT', `The company ${tenant.code} is already suspended.`);
  }
  await ctx.db.transaction(async (tx) => {
    await setTenantStatus(tx, tenant.id, 'suspended', ctx.now());
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: ctx.actor,
      ...ctx.origin,
      action: 'tenant.suspended',
      entityType: 'tenant',
      entityId: tenant.id,
      before: { status: tenant.status },
      after: { status: 'suspended' },
    });
  });
  return { ...tenant, status: 'suspended' };
}
