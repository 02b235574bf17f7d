import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { findDevice, revokeDevices } from './device-repository.js';

/**
 * Revokes one device (a lost or replaced phone) and every agent token on it: the app then answers
 * DEVICE_REVOKED and needs a licence code again. Revoking a revoked device changes nothing.
 */
export async function revokeDevice(
  ctx: AppContext,
  input: { tenantId: string; userId: string; deviceId: string; ip: string; requestId: string },
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findDevice(tx, input.tenantId, input.deviceId);
    if (!before) throw new DomainError('NOT_FOUND', 'No such device in your company.');
    const revoked = await revokeDevices(tx, input.tenantId, { deviceId: input.deviceId }, now);
    if (revoked.length > 0) {
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor: { type: 'user', id: input.userId },
        action: 'device.revoked',
        entityType: 'device',
        entityId: input.deviceId,
        before: { revokedAt: null },
        after: { revokedAt: now, licenceId: before.licence.id },
        ip: input.ip,
        requestId: input.requestId,
      });
    }
    const after = await findDevice(tx, input.tenantId, input.deviceId);
    if (!after) throw new DomainError('NOT_FOUND', 'No such device in your company.');
    return after;
  });
}
