import type { OnssRegistrationListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { listOnssRegistrations as selectRegistrations } from './onss-registration-repository.js';

/** One page of the company's ONSS registrations, newest first, with the count per status. */
export async function listOnssRegistrations(
  ctx: AppContext,
  caller: Caller,
  query: OnssRegistrationListQuery,
) {
  return selectRegistrations(ctx.db, caller.tenantId, query, ctx.now());
}
