import type { OnssBulkResult } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { retryRows } from './retry-onss-registration.js';

/** Sends many registrations again at once, with a result per id (see retryRows). */
export async function bulkRetryOnssRegistrations(
  ctx: AppContext,
  caller: Caller,
  ids: readonly string[],
): Promise<OnssBulkResult> {
  const now = ctx.now();
  const unique = [...new Set(ids)];
  return ctx.db.transaction(async (tx) => ({ results: await retryRows(tx, caller, unique, now) }));
}
