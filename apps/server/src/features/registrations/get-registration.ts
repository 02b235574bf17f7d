import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { presentRegistrationDetail } from './registration-presenter.js';
import {
  findRegistration,
  findWorkSessionSummary,
  registrationAnomalies,
} from './registration-repository.js';

/** One registration of the company with what explains it; another company's is NOT_FOUND. */
export async function getRegistration(ctx: AppContext, caller: Caller, id: string) {
  const row = await findRegistration(ctx.db, caller.tenantId, id);
  if (!row) throw new DomainError('NOT_FOUND', 'Registration not found.');
  const anomalies = await registrationAnomalies(ctx.db, caller.tenantId, id);
  const workSession = row.event.workSessionId
    ? await findWorkSessionSummary(ctx.db, caller.tenantId, row.event.workSessionId)
    : undefined;
  return presentRegistrationDetail(row, anomalies, workSession);
}
