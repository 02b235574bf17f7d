import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findOnssRegistration } from './onss-registration-repository.js';

/** The registration, or NOT_FOUND: another company's is indistinguishable from a missing one. */
export async function requireOnssRegistrationRow(db: Db, tenantId: string, id: string) {
  const row = await findOnssRegistration(db, tenantId, id);
  if (!row) throw new DomainError('NOT_FOUND', 'This ONSS registration does not exist.');
  return row;
}

export async function getOnssRegistration(ctx: AppContext, caller: Caller, id: string) {
  return requireOnssRegistrationRow(ctx.db, caller.tenantId, id);
}
