import { weekStartsBetween, type AnalyticsHours, type AnalyticsHoursQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { hoursPerWeek } from './analytics-repository.js';
import { topGroups } from './top-groups.js';

/** Hours worked per week and per client, site or agent: the biggest `top` named, the rest as "others". */
export async function getHoursPerWeek(
  ctx: AppContext,
  caller: Caller,
  query: AnalyticsHoursQuery,
): Promise<AnalyticsHours> {
  const weeks = weekStartsBetween(query.from, query.to);
  const figures = await hoursPerWeek(ctx.db, caller.tenantId, query, query.groupBy);
  const groups = topGroups(figures, weeks, query.top);
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    weeks,
    groups,
    totals: weeks.map((_, position) => groups.reduce((sum, group) => sum + group.seconds[position]!, 0)),
  };
}
