import { nextDate, zonedInstant, type RegistrationListQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import {
  listRegistrations as selectRegistrations,
  tenantTimeZone,
  type Period,
} from './registration-repository.js';

/** The instants of a period of local dates in the company's zone: from midnight to the next midnight after `to`. */
export function periodOf(query: { from?: string; to?: string }, timeZone: string): Period {
  return {
    start: query.from ? zonedInstant(query.from, '00:00', timeZone) : undefined,
    end: query.to ? zonedInstant(nextDate(query.to), '00:00', timeZone) : undefined,
  };
}

/** One page of the company's registrations, newest first unless asked otherwise. */
export async function listRegistrations(ctx: AppContext, caller: Caller, query: RegistrationListQuery) {
  const timeZone = await tenantTimeZone(ctx.db, caller.tenantId);
  return selectRegistrations(ctx.db, caller.tenantId, query, periodOf(query, timeZone));
}
