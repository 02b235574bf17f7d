import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { revokeDevices } from './device-repository.js';
import { findLicence, markLicenceRevoked } from './licence-repository.js';

/**
 * Revokes a licence: its code activates no new device. With `revokeDevices` (the default) its
 * devices are revoked too and their agents signed out, so a phone that reinstalls the app needs a
 * new code (the product's FAQ); without it, the phones already activated keep working, e.g. when a
 * leaked code is replaced without interrupting the teams. Calling it again on a revoked licence is
 * allowed: it can still revoke the devices left working.
 */
export async function revokeLicence(
  ctx: AppContext,
  input: {
    tenantId: string;
    userId: string;
    licenceId: string;
    revokeDevices: boolean;
    ip: string;
    requestId: string;
  },
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findLicence(tx, input.tenantId, input.licenceId);
    if (!before) throw new DomainError('NOT_FOUND', 'No such licence in your company.');
    const wasRevoked = before.licence.revokedAt !== null;
    if (!wasRevoked) await markLicenceRevoked(tx, input.tenantId, input.licenceId, now);
    const revokedDeviceIds = input.revokeDevices
      ? await revokeDevices(tx, input.tenantId, { licenceId: input.licenceId }, now)
      : [];
    if (!wasRevoked || revokedDeviceIds.length > 0) {
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor: { type: 'user', id: input.userId },
        action: 'licence.revoked',
        entityType: 'licence',
        entityId: input.licenceId,
        before: { revokedAt: before.licence.revokedAt, activeDevices: before.activeDevices },
        after: { revokedAt: before.licence.revokedAt ?? now, revokedDeviceIds },
        ip: input.ip,
        requestId: input.requestId,
      });
    }
    const after = await findLicence(tx, input.tenantId, input.licenceId);
    if (!after) throw new DomainError('NOT_FOUND', 'No such licence in your company.');
    return { licence: after, revokedDevices: revokedDeviceIds.length };
  });
}
