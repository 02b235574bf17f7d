import { DomainError, type ActivationRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import {
  assertNotThrottled,
  clearAccountThrottle,
  recordFailedAttempt,
  throttleKeys,
} from '../auth/login-throttle.js';
import {
  findLiveDeviceByInstallation,
  insertDevice,
  reactivateDevice,
} from '../licences/device-repository.js';
import { hashLicenceCode } from '../licences/licence-code.js';
import { countActiveDevices, findLicenceByCodeHash, lockLicence } from '../licences/licence-repository.js';
import { revokeDeviceAgentTokens } from './agent-token-repository.js';

const askEmployer = 'Ask your employer for a new licence code (they get it from the ciao provider).';

/**
 * Activates the agent app on a device with a licence code and returns the device token (shown once,
 * kept hashed). The same installation activated again in the same company (the app was reinstalled
 * with its id kept, or a lost answer is retried) gets a new token for the same device instead of
 * taking one more place on the licence; the agents signed in there must sign in again.
 *
 * Only unknown codes count as failures for the throttling (per installation and per IP, separate
 * from the sign-in counters): a revoked or expired code is a real code, not a guess.
 */
export async function activateDevice(
  ctx: AppContext,
  input: ActivationRequest & { ip: string; requestId: string },
) {
  const now = ctx.now();
  const keys = throttleKeys('activation', 'activation', input.installationId, input.ip);
  await assertNotThrottled(ctx.db, keys, now, 'activation');

  const found = await findLicenceByCodeHash(ctx.db, hashLicenceCode(input.licenceCode));
  if (!found) {
    await recordFailedAttempt(ctx.db, keys, now);
    throw new DomainError(
      'LICENCE_INVALID',
      'This licence code is not valid. Check the code (letters and digits; dashes and case do not matter). ' +
        'If it still fails, ask your employer for the code: they get it from the ciao provider.',
      {
        fieldErrors: [{ path: 'licenceCode', code: 'LICENCE_INVALID', message: 'is not a valid code' }],
      },
    );
  }
  const { licence, tenant } = found;
  const refuse = async (
    code: 'LICENCE_REVOKED' | 'LICENCE_EXPIRED' | 'TENANT_SUSPENDED' | 'LICENCE_DEVICE_LIMIT',
  ) => {
    // The company sees activations refused with its codes (a revoked code still in use, a full licence).
    await recordAudit(ctx.db, {
      tenantId: tenant.id,
      actor: { type: 'anonymous' },
      action: 'device.activation_refused',
      entityType: 'licence',
      entityId: licence.id,
      after: { reason: code, platform: input.platform, appVersion: input.appVersion },
      ip: input.ip,
      requestId: input.requestId,
    });
  };
  if (licence.revokedAt) {
    await refuse('LICENCE_REVOKED');
    throw new DomainError('LICENCE_REVOKED', `This licence code has been revoked. ${askEmployer}`);
  }
  if (licence.expiresAt && licence.expiresAt.getTime() <= now.getTime()) {
    await refuse('LICENCE_EXPIRED');
    throw new DomainError('LICENCE_EXPIRED', `This licence code has expired. ${askEmployer}`);
  }
  if (tenant.status !== 'active') {
    await refuse('TENANT_SUSPENDED');
    throw new DomainError(
      'TENANT_SUSPENDED',
      'This company account is suspended. Your employer must contact the ciao provider to reactivate it.',
    );
  }

  const deviceToken = randomToken();
  const outcome = await ctx.db.transaction(async (tx) => {
    await lockLicence(tx, licence.id);
    const existing = await findLiveDeviceByInstallation(tx, tenant.id, input.installationId);
    const used = await countActiveDevices(tx, licence.id, existing?.id);
    if (used >= licence.maxDevices) return { refused: true as const };
    const values = {
      licenceId: licence.id,
      platform: input.platform,
      appVersion: input.appVersion,
      tokenHash: sha256Hex(deviceToken),
      now,
    };
    let deviceId: string;
    if (existing) {
      deviceId = existing.id;
      await reactivateDevice(tx, deviceId, values);
      await revokeDeviceAgentTokens(tx, tenant.id, deviceId, now);
    } else {
      deviceId = await insertDevice(tx, {
        ...values,
        tenantId: tenant.id,
        installationId: input.installationId,
      });
    }
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { type: 'anonymous' },
      action: 'device.activated',
      entityType: 'device',
      entityId: deviceId,
      before: existing
        ? { licenceId: existing.licenceId, platform: existing.platform, appVersion: existing.appVersion }
        : undefined,
      after: {
        licenceId: licence.id,
        platform: input.platform,
        appVersion: input.appVersion,
        reactivated: existing !== undefined,
      },
      ip: input.ip,
      requestId: input.requestId,
    });
    return { refused: false as const, deviceId };
  });
  if (outcome.refused) {
    await refuse('LICENCE_DEVICE_LIMIT');
    throw new DomainError(
      'LICENCE_DEVICE_LIMIT',
      `This licence code is already used on its maximum of ${licence.maxDevices} devices. ` +
        'Ask your employer to revoke a device that is no longer used, or for a code with more devices.',
      { details: { maxDevices: licence.maxDevices } },
    );
  }
  await clearAccountThrottle(ctx.db, keys);
  return { deviceToken, deviceId: outcome.deviceId, company: { code: tenant.code, name: tenant.name } };
}
