import { DomainError } from '@ciao/domain';
import { recordAudit } from '../audit/audit-repository.js';
import { revokeDevices } from '../licences/device-repository.js';
import { hashLicenceCode, licenceCodeHint, newLicenceCode } from '../licences/licence-code.js';
import { findLicence } from '../licences/licence-repository.js';
import type { PlatformContext } from './platform-context.js';
import { findLicencesByIdOrHint, replaceLicenceCode } from './platform-repository.js';
import { requireTenantByCode } from './require-tenant.js';

export interface ReissueLicenceInput {
  tenantCode: string;
  /** The licence's id, or the last 4 characters of its code. */
  licence: string;
  /** Also revoke the devices activated with it (their agents are signed out). */
  revokeDevices: boolean;
}

/**
 * Gives a licence a new code, e.g. when the old one leaked: the old code activates no new device,
 * the licence keeps its quota, expiry and devices. The devices already activated keep working (the
 * teams are not interrupted) unless `revokeDevices` is asked; then they must be activated again with
 * the new code. The new code is returned once.
 */
export async function reissueLicence(ctx: PlatformContext, input: ReissueLicenceInput) {
  const tenant = await requireTenantByCode(ctx.db, input.tenantCode);
  const candidates = await findLicencesByIdOrHint(ctx.db, tenant.id, input.licence);
  if (candidates.length === 0) {
    throw new DomainError('NOT_FOUND', `${tenant.code} has no licence ${input.licence.trim()}.`);
  }
  if (candidates.length > 1) {
    throw new DomainError(
      'CONFLICT',
      `Several licences of ${tenant.code} end in ${input.licence.trim().toUpperCase()}: name it by its id (${candidates.map((c) => c.id).join(', ')}).`,
    );
  }
  const target = candidates[0]!;
  if (target.revokedAt) {
    throw new DomainError(
      'CONFLICT',
      'This licence is revoked: issue a new licence instead of re-issuing its code.',
    );
  }
  const code = newLicenceCode();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await replaceLicenceCode(tx, tenant.id, target.id, {
      codeHash: hashLicenceCode(code),
      codeHint: licenceCodeHint(code),
      now,
    });
    const revokedDeviceIds = input.revokeDevices
      ? await revokeDevices(tx, tenant.id, { licenceId: target.id }, now)
      : [];
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: ctx.actor,
      ...ctx.origin,
      action: 'licence.reissued',
      entityType: 'licence',
      entityId: target.id,
      before: { codeHint: target.codeHint },
      after: { codeHint: licenceCodeHint(code), revokedDeviceIds },
    });
    const licence = await findLicence(tx, tenant.id, target.id);
    if (!licence) throw new Error('re-issued licence vanished');
    return { code, licence, tenant, revokedDevices: revokedDeviceIds.length };
  });
}
