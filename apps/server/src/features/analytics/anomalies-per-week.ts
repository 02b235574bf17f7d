import {
  localPeriodInstants,
  weekStartsBetween,
  type AnalyticsAnomalies,
  type AnalyticsQuery,
  type AnomalyType,
} from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { tenantTimeZone } from '../registrations/registration-repository.js';
import { anomaliesPerWeek } from './analytics-repository.js';

/** The anomalies opened per week and type, the types in order of frequency over the period. */
export async function getAnomaliesPerWeek(
  ctx: AppContext,
  caller: Caller,
  query: AnalyticsQuery,
): Promise<AnalyticsAnomalies> {
  const timeZone = await tenantTimeZone(ctx.db, caller.tenantId);
  const period = { ...localPeriodInstants(query.from, query.to, timeZone), timeZone };
  const rows = await anomaliesPerWeek(ctx.db, caller.tenantId, query, period);
  const totals = new Map<AnomalyType, number>();
  for (const row of rows) totals.set(row.type, (totals.get(row.type) ?? 0) + row.count);
  const types = [...totals.entries()]
    .sort(([typeA, a], [typeB, b]) => b - a || typeA.localeCompare(typeB))
    .map(([type]) => type);
  return {
    from: query.from,
    to: query.to,
    types,
    weeks: weekStartsBetween(query.from, query.to).map((week) => {
      const byType = types.map((type) => ({
        type,
        count: rows.find((row) => row.week === week && row.type === type)?.count ?? 0,
      }));
      return { week, total: byType.reduce((sum, entry) => sum + entry.count, 0), byType };
    }),
  };
}
