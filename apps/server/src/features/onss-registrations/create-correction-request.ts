import { DomainError, localDate, zonedInstant, type CreateCorrectionRequestRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordAudits, type AuditEntry } from '../audit/audit-repository.js';
import { CORRECTION_TIME_ZONE } from './correction-request-presenter.js';
import {
  insertCorrectionRequest,
  insertCorrectionRequestItems,
  lockTenantForNumbering,
  nextCorrectionReference,
} from './correction-request-repository.js';
import { requireCorrectionRequest } from './get-correction-request.js';
import { followUpAuditSnapshot } from './onss-registration-presenter.js';
import { lockOnssRegistrations, updateOnssRegistrations } from './onss-registration-repository.js';

/** ONSS accepts a correction request until 30 days after the registration date. */
export const CORRECTION_DELAY_DAYS = 30;

/** Registrations ONSS knows of, hence that can be corrected: refused, or registered in any way. */
const correctable: readonly string[] = ['refused', 'registered', 'validated'];

/** The last Belgian day to ask for a correction of a registration made at `registrationTime`. */
export function correctionDeadline(registrationTime: Date): string {
  const [year, month, day] = localDate(registrationTime, CORRECTION_TIME_ZONE).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day + CORRECTION_DELAY_DAYS)).toISOString().slice(0, 10);
}

/**
 * Files a correction request: a reference `CR-<year>-NNNN` per company, one item per registration
 * with its deadline, and the registrations' follow-up set to correction_requested with the
 * reference. Missing registrations are NOT_FOUND, ones ONSS does not know of are a CONFLICT.
 */
export async function createCorrectionRequest(
  ctx: AppContext,
  caller: Caller,
  input: CreateCorrectionRequestRequest,
) {
  const now = ctx.now();
  const ids = input.registrationIds;
  const requested = new Map(input.items.map((item) => [item.registrationId, item.requestedCorrection]));
  return ctx.db.transaction(async (tx) => {
    await lockTenantForNumbering(tx, caller.tenantId);
    const rows = await lockOnssRegistrations(tx, caller.tenantId, ids);
    if (rows.length !== ids.length)
      throw new DomainError('NOT_FOUND', 'One of these ONSS registrations does not exist.');
    const wrong = rows.filter((row) => !correctable.includes(row.status));
    if (wrong.length > 0)
      throw new DomainError(
        'CONFLICT',
        `Only refused or registered ONSS registrations can be corrected; ${wrong.length} of these are not ` +
          `(${[...new Set(wrong.map((row) => row.status))].join(', ')}).`,
        { details: { registrationIds: wrong.map((row) => row.id) } },
      );
    const reference = await nextCorrectionReference(
      tx,
      caller.tenantId,
      localDate(now, CORRECTION_TIME_ZONE).slice(0, 4),
    );
    const requestId = await insertCorrectionRequest(tx, {
      tenantId: caller.tenantId,
      reference,
      reason: input.reason,
      evidence: input.evidence ?? null,
      createdByUserId: caller.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertCorrectionRequestItems(
      tx,
      rows.map((row) => ({
        tenantId: caller.tenantId,
        correctionRequestId: requestId,
        onssRegistrationId: row.id,
        requestedCorrection: requested.get(row.id) ?? '',
        deadline: zonedInstant(correctionDeadline(row.registrationTime), '00:00', CORRECTION_TIME_ZONE),
        createdAt: now,
      })),
    );
    const followUp = {
      followUpStatus: 'correction_requested',
      correctionRequestReference: reference,
      correctionRequestId: requestId,
    };
    await updateOnssRegistrations(tx, caller.tenantId, ids, { ...followUp, updatedAt: now });
    const actor = { type: 'user', id: caller.userId } as const;
    const audits: AuditEntry[] = [
      {
        tenantId: caller.tenantId,
        actor,
        action: 'correction_request.created',
        entityType: 'correction_request',
        entityId: requestId,
        after: { reference, reason: input.reason, evidence: input.evidence ?? null, registrationIds: ids },
        ip: caller.ip,
        requestId: caller.requestId,
      },
      ...rows.map((row) => {
        const before = followUpAuditSnapshot(row);
        return {
          tenantId: caller.tenantId,
          actor,
          action: 'onss_registration.follow_up_updated',
          entityType: 'onss_registration',
          entityId: row.id,
          before: {
            followUpStatus: before.followUpStatus,
            correctionRequestReference: before.correctionRequestReference,
            correctionRequestId: before.correctionRequestId,
          },
          after: followUp,
          ip: caller.ip,
          requestId: caller.requestId,
        };
      }),
    ];
    await recordAudits(tx, audits);
    return requireCorrectionRequest(tx, caller.tenantId, requestId);
  });
}
