import { DomainError, onssRetryableStatuses, type OnssBulkResult } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordAudits, type AuditEntry } from '../audit/audit-repository.js';
import { requireOnssRegistrationRow } from './get-onss-registration.js';
import { sendingAuditSnapshot } from './onss-registration-presenter.js';
import { lockOnssRegistrations, updateOnssRegistrations } from './onss-registration-repository.js';

const retryable: readonly string[] = onssRetryableStatuses;

/**
 * Puts registrations the outbox gave up on (needs_attention) or keeps failing (send_failing) back
 * to to_send, due now, attempts reset; one audit row each. Others get NOT_FOUND or CONFLICT.
 */
export async function retryRows(
  db: Db,
  caller: Caller,
  ids: readonly string[],
  now: Date,
): Promise<OnssBulkResult['results']> {
  const rows = await lockOnssRegistrations(db, caller.tenantId, ids);
  const found = new Map(rows.map((row) => [row.id, row]));
  const accepted = rows.filter((row) => retryable.includes(row.status));
  const reset = { status: 'to_send', attempts: 0, nextAttemptAt: now, claimedUntil: null, lastError: null };
  await updateOnssRegistrations(
    db,
    caller.tenantId,
    accepted.map((row) => row.id),
    { ...reset, updatedAt: now },
  );
  const audits: AuditEntry[] = accepted.map((row) => ({
    tenantId: caller.tenantId,
    actor: { type: 'user', id: caller.userId },
    action: 'onss_registration.retried',
    entityType: 'onss_registration',
    entityId: row.id,
    before: sendingAuditSnapshot(row),
    after: sendingAuditSnapshot(reset),
    ip: caller.ip,
    requestId: caller.requestId,
  }));
  await recordAudits(db, audits);
  return ids.map((id) => {
    const row = found.get(id);
    if (!row) return { id, ok: false, code: 'NOT_FOUND', message: 'This ONSS registration does not exist.' };
    if (!retryable.includes(row.status))
      return {
        id,
        ok: false,
        code: 'CONFLICT',
        message: `Only a registration that needs attention or keeps failing can be sent again; this one is ${row.status}.`,
      };
    return { id, ok: true };
  });
}

/** An administrator sends one registration again now (CONFLICT unless needs_attention or send_failing). */
export async function retryOnssRegistration(ctx: AppContext, caller: Caller, id: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [result] = await retryRows(tx, caller, [id], now);
    if (result && !result.ok)
      throw new DomainError(result.code === 'CONFLICT' ? 'CONFLICT' : 'NOT_FOUND', result.message ?? '');
    return requireOnssRegistrationRow(tx, caller.tenantId, id);
  });
}
