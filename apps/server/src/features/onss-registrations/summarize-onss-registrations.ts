import type { OnssRegistrationSummary, OnssRegistrationSummaryQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { countOnssRegistrations } from './onss-registration-repository.js';

/** The counts of the ONSS tracking screen: per status, per follow-up status, late, needing attention. */
export async function summarizeOnssRegistrations(
  ctx: AppContext,
  caller: Caller,
  query: OnssRegistrationSummaryQuery,
): Promise<OnssRegistrationSummary> {
  const groups = await countOnssRegistrations(ctx.db, caller.tenantId, query, ctx.now());
  const summary: OnssRegistrationSummary = {
    total: 0,
    byStatus: {},
    byFollowUpStatus: {},
    late: 0,
    needsAttention: 0,
    refused: 0,
  };
  for (const group of groups) {
    const followUp = group.followUpStatus ?? 'none';
    summary.total += group.n;
    summary.late += group.late;
    summary.byStatus[group.status] = (summary.byStatus[group.status] ?? 0) + group.n;
    summary.byFollowUpStatus[followUp] = (summary.byFollowUpStatus[followUp] ?? 0) + group.n;
  }
  summary.needsAttention = summary.byStatus.needs_attention ?? 0;
  summary.refused = summary.byStatus.refused ?? 0;
  return summary;
}
