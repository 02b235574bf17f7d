import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findUser } from './user-repository.js';

/** The user, or NOT_FOUND: another company's user is indistinguishable from a missing one. */
export async function requireUserRow(db: Db, tenantId: string, userId: string) {
  const row = await findUser(db, tenantId, userId);
  if (!row) throw new DomainError('NOT_FOUND', 'This user does not exist.');
  return row;
}

export async function getUser(ctx: AppContext, caller: Caller, userId: string) {
  return requireUserRow(ctx.db, caller.tenantId, userId);
}
