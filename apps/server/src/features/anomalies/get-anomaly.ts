import { DomainError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findAnomaly } from './anomaly-repository.js';

/** The anomaly, or NOT_FOUND: another company's anomaly is indistinguishable from a missing one. */
export async function requireAnomalyRow(db: Db, tenantId: string, anomalyId: string) {
  const row = await findAnomaly(db, tenantId, anomalyId);
  if (!row) throw new DomainError('NOT_FOUND', 'This anomaly does not exist.');
  return row;
}

export async function getAnomaly(ctx: AppContext, caller: Caller, anomalyId: string) {
  return requireAnomalyRow(ctx.db, caller.tenantId, anomalyId);
}
