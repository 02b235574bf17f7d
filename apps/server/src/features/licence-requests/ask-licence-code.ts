import { DomainError, type AskLicenceCodeBody } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordAudit } from '../audit/audit-repository.js';
import { countOpenLicenceRequests, insertLicenceRequest } from './licence-request-repository.js';

/** More open requests than this is a mistake or a loop, not a need: the operator answers them first. */
export const MAX_OPEN_LICENCE_REQUESTS = 5;

/** An administrator asks the operator for a new licence code (the operator answers in the console or CLI). */
export async function askLicenceCode(ctx: AppContext, input: AskLicenceCodeBody & Caller) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    if ((await countOpenLicenceRequests(tx, input.tenantId)) >= MAX_OPEN_LICENCE_REQUESTS) {
      throw new DomainError(
        'CONFLICT',
        `Your company already has ${MAX_OPEN_LICENCE_REQUESTS} requests waiting for an answer: wait for the operator to answer them.`,
      );
    }
    const id = await insertLicenceRequest(tx, {
      tenantId: input.tenantId,
      userId: input.userId,
      reason: input.reason,
      maxDevices: input.maxDevices,
      now,
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor ?? { type: 'user', id: input.userId },
      action: 'licence_request.created',
      entityType: 'licence_request',
      entityId: id,
      after: { reason: input.reason, maxDevices: input.maxDevices },
      ip: input.ip,
      requestId: input.requestId,
    });
    return id;
  });
}
