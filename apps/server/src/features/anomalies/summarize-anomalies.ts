import type { AnomalySummary, AnomalySummaryQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { countAnomaliesPerWeek, countUnresolvedAnomalies } from './anomaly-summary-repository.js';

/** Without a period, the trend covers the last 8 weeks: enough to see a habit form or fade. */
const DEFAULT_PERIOD_MS = 8 * 7 * 86_400_000;

/** The compliance screen's figures: what is still to handle, and what opened week by week. */
export async function summarizeAnomalies(
  ctx: AppContext,
  caller: Caller,
  query: AnomalySummaryQuery,
): Promise<AnomalySummary> {
  const to = query.to ? new Date(query.to) : ctx.now();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
  const [open, weekly] = await Promise.all([
    countUnresolvedAnomalies(ctx.db, caller.tenantId),
    countAnomaliesPerWeek(ctx.db, caller.tenantId, from, to),
  ]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    unresolved: {
      total: open.byType.reduce((sum, row) => sum + row.n, 0),
      byType: open.byType.map((row) => ({ type: row.type, count: row.n })),
      bySite: open.bySite.map((row) => ({ id: row.id, name: row.name, count: row.n })),
      byAgent: open.byAgent.map((row) => ({
        id: row.id,
        name: `${row.firstName} ${row.lastName}`.trim(),
        count: row.n,
      })),
    },
    weekly: weekly.map((row) => ({ week: row.week, type: row.type, count: row.n })),
  };
}
