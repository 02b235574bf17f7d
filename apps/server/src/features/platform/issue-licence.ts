import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/audit-repository.js';
import { hashLicenceCode, licenceCodeHint, newLicenceCode } from '../licences/licence-code.js';
import { insertLicence } from '../licences/licence-repository.js';
import type { PlatformContext } from './platform-context.js';
import { requireTenantByCode } from './require-tenant.js';

export interface IssueLicenceInput {
  tenantCode: string;
  maxDevices: number;
  /** YYYY-MM-DD: the code works until the end of that day (Brussels). */
  expires?: string;
  label?: string;
}

/** The end of a Brussels calendar day, as an instant (23:59:59.999 local, summer time or not). */
function endOfBrusselsDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const utcMidnightNext = Date.UTC(year, month - 1, day + 1);
  const offsetMinutes = (at: number) => {
    const local = new Date(at).toLocaleString('sv-SE', { timeZone: 'Europe/Brussels' });
    return (Date.parse(`${local.replace(' ', 'T')}Z`) - at) / 60_000;
  };
  return new Date(utcMidnightNext - offsetMinutes(utcMidnightNext) * 60_000 - 1);
}

/** Checks a licence's quota and optional expiry date (YYYY-MM-DD, the last Brussels day it works). */
export function parseLicenceTerms(input: { maxDevices: number; expires?: string }, now: Date) {
  if (!Number.isInteger(input.maxDevices) || input.maxDevices < 1 || input.maxDevices > 100_000) {
    throw new DomainError('VALIDATION_FAILED', 'max-devices must be a whole number from 1 to 100000.');
  }
  let expiresAt: Date | null = null;
  if (input.expires !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.expires) || Number.isNaN(Date.parse(input.expires))) {
      throw new DomainError('VALIDATION_FAILED', 'expires must be a date written YYYY-MM-DD.');
    }
    expiresAt = endOfBrusselsDay(input.expires);
    if (expiresAt.getTime() <= now.getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'expires is in the past: choose a later date.');
    }
  }
  return { maxDevices: input.maxDevices, expiresAt };
}

/** Creates the licence in the caller's transaction (audited); returns the code, which is never stored. */
export async function insertIssuedLicence(
  tx: Db,
  ctx: Pick<PlatformContext, 'actor' | 'origin'>,
  values: { tenantId: string; maxDevices: number; expiresAt: Date | null; label: string | null; now: Date },
) {
  const code = newLicenceCode();
  const licence = await insertLicence(tx, {
    tenantId: values.tenantId,
    codeHash: hashLicenceCode(code),
    codeHint: licenceCodeHint(code),
    label: values.label,
    maxDevices: values.maxDevices,
    expiresAt: values.expiresAt,
    now: values.now,
  });
  await recordAudit(tx, {
    tenantId: values.tenantId,
    actor: ctx.actor,
    ...ctx.origin,
    action: 'licence.created',
    entityType: 'licence',
    entityId: licence.id,
    after: {
      codeHint: licence.codeHint,
      label: licence.label,
      maxDevices: licence.maxDevices,
      expiresAt: licence.expiresAt,
    },
  });
  return { code, licence };
}

/**
 * Issues a licence code for a company's agent app (the device quota, an optional expiry). The code is
 * returned once, here: only its hash and last characters are kept.
 */
export async function issueLicence(ctx: PlatformContext, input: IssueLicenceInput) {
  const now = ctx.now();
  const terms = parseLicenceTerms(input, now);
  const tenant = await requireTenantByCode(ctx.db, input.tenantCode);
  const { code, licence } = await ctx.db.transaction((tx) =>
    insertIssuedLicence(tx, ctx, {
      tenantId: tenant.id,
      ...terms,
      label: input.label?.trim() || null,
      now,
    }),
  );
  return { code, licence, tenant };
}
