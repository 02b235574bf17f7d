import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findCorrectionRequest, findCorrectionRequestItems } from './correction-request-repository.js';

/** The request with its items, or NOT_FOUND (another company's included). */
export async function requireCorrectionRequest(db: Db, tenantId: string, id: string) {
  const request = await findCorrectionRequest(db, tenantId, id);
  if (!request) throw new DomainError('NOT_FOUND', 'This correction request does not exist.');
  const items = await findCorrectionRequestItems(db, tenantId, id);
  return { request, items };
}

export async function getCorrectionRequest(ctx: AppContext, caller: Caller, id: string) {
  return requireCorrectionRequest(ctx.db, caller.tenantId, id);
}
