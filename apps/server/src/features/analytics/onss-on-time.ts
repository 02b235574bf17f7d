import {
  localPeriodInstants,
  ONSS_ON_TIME_MINUTES,
  weekStartsBetween,
  type AnalyticsOnssOnTime,
  type AnalyticsOnssWeek,
  type AnalyticsQuery,
} from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { tenantTimeZone } from '../registrations/registration-repository.js';
import { onssOutcomesPerWeek } from './analytics-repository.js';

type Outcomes = Omit<AnalyticsOnssWeek, 'week'>;

const withShare = (counts: Omit<Outcomes, 'share'>): Outcomes => ({
  ...counts,
  share: counts.total === 0 ? null : counts.onTime / counts.total,
});

/**
 * The share of registrations confirmed by ONSS on time, per week: accepted by ONSS at most
 * {@link ONSS_ON_TIME_MINUTES} minutes after the registration time. Registrations younger than that
 * are not counted yet: they may still make it.
 */
export async function getOnssOnTime(
  ctx: AppContext,
  caller: Caller,
  query: AnalyticsQuery,
): Promise<AnalyticsOnssOnTime> {
  const timeZone = await tenantTimeZone(ctx.db, caller.tenantId);
  const period = { ...localPeriodInstants(query.from, query.to, timeZone), timeZone };
  const decidedBefore = new Date(ctx.now().getTime() - ONSS_ON_TIME_MINUTES * 60_000);
  const rows = await onssOutcomesPerWeek(
    ctx.db,
    caller.tenantId,
    query,
    period,
    ONSS_ON_TIME_MINUTES,
    decidedBefore,
  );
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  const weeks = weekStartsBetween(query.from, query.to).map((week) => {
    const row = byWeek.get(week);
    return {
      week,
      ...withShare({
        total: row?.total ?? 0,
        onTime: row?.on_time ?? 0,
        late: row?.late ?? 0,
        refused: row?.refused ?? 0,
        unconfirmed: row?.unconfirmed ?? 0,
      }),
    };
  });
  const sum = (field: 'total' | 'onTime' | 'late' | 'refused' | 'unconfirmed') =>
    weeks.reduce((total, week) => total + week[field], 0);
  return {
    from: query.from,
    to: query.to,
    onTimeMinutes: ONSS_ON_TIME_MINUTES,
    weeks,
    overall: withShare({
      total: sum('total'),
      onTime: sum('onTime'),
      late: sum('late'),
      refused: sum('refused'),
      unconfirmed: sum('unconfirmed'),
    }),
  };
}
