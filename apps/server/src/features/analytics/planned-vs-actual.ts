import { weekStartsBetween, type AnalyticsPlannedVsActual, type AnalyticsQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { plannedVsActualPerWeek } from './analytics-repository.js';

/** Planned and worked time per week, every week of the period (zero when nothing happened). */
export async function getPlannedVsActual(
  ctx: AppContext,
  caller: Caller,
  query: AnalyticsQuery,
): Promise<AnalyticsPlannedVsActual> {
  const rows = await plannedVsActualPerWeek(ctx.db, caller.tenantId, query);
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  return {
    from: query.from,
    to: query.to,
    weeks: weekStartsBetween(query.from, query.to).map((week) => ({
      week,
      plannedSeconds: byWeek.get(week)?.planned ?? 0,
      workedSeconds: byWeek.get(week)?.worked ?? 0,
    })),
  };
}
