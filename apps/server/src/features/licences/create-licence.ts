import { DomainError, type CreateLicenceRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { hashLicenceCode, licenceCodeHint, newLicenceCode } from './licence-code.js';
import { insertLicence } from './licence-repository.js';

/**
 * Creates a licence code for the agent app. The code is returned to the caller once, here; only its
 * hash and last characters are kept.
 */
export async function createLicence(
  ctx: AppContext,
  input: CreateLicenceRequest & { tenantId: string; userId: string; ip: string; requestId: string },
) {
  const now = ctx.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'The expiry date is in the past: choose a later one.', {
      fieldErrors: [{ path: 'expiresAt', code: 'IN_THE_PAST', message: 'must be in the future' }],
    });
  }
  const code = newLicenceCode();
  const licence = await ctx.db.transaction(async (tx) => {
    const created = await insertLicence(tx, {
      tenantId: input.tenantId,
      codeHash: hashLicenceCode(code),
      codeHint: licenceCodeHint(code),
      label: input.label ?? null,
      maxDevices: input.maxDevices,
      expiresAt,
      now,
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: { type: 'user', id: input.userId },
      action: 'licence.created',
      entityType: 'licence',
      entityId: created.id,
      after: {
        codeHint: created.codeHint,
        label: created.label,
        maxDevices: created.maxDevices,
        expiresAt: created.expiresAt,
      },
      ip: input.ip,
      requestId: input.requestId,
    });
    return created;
  });
  return { code, licence: { licence, activeDevices: 0 } };
}
