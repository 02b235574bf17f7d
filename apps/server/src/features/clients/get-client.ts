import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findClient } from './client-repository.js';

/** The client, or NOT_FOUND: another company's client is indistinguishable from a missing one. */
export async function requireClientRow(db: Db, tenantId: string, clientId: string) {
  const row = await findClient(db, tenantId, clientId);
  if (!row) throw new DomainError('NOT_FOUND', 'This client does not exist.');
  return row;
}

export async function getClient(ctx: AppContext, caller: Caller, clientId: string) {
  return requireClientRow(ctx.db, caller.tenantId, clientId);
}
