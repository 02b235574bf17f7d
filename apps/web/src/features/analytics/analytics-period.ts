import { MAX_ANALYTICS_DAYS } from '@ciao/domain';
import { addDays, isIsoDate, monthBounds, weekStart } from '../../lib/local-dates';

/** The period picker's choices: the last 4 or 12 weeks, a calendar month, or two dates. */
export const periodChoices = ['4w', '12w', 'month', 'custom'] as const;
export type PeriodChoice = (typeof periodChoices)[number];

export interface PeriodParams {
  period: string;
  month: string;
  from: string;
  to: string;
}

export interface ResolvedPeriod {
  choice: PeriodChoice;
  from: string;
  to: string;
  /** The month shown when the choice is a month (`YYYY-MM`). */
  month: string;
  /** Why a custom period was not taken as typed (the last 4 weeks are shown instead). */
  invalid?: 'order' | 'length' | 'dates';
}

const lastWeeks = (weeks: number, today: string) => ({
  from: addDays(weekStart(today), -7 * (weeks - 1)),
  to: today,
});

/**
 * The dates a period choice covers, from the address bar's values; anything unreadable falls back
 * to the last 4 weeks. "Last N weeks" are whole ISO weeks up to today (this week included, so far);
 * a month stops at today, so the days to come do not look like hours missed.
 *
 * @example resolvePeriod({ period: '4w', month: '', from: '', to: '' }, '2026-11-29') // from 2026-11-02
 */
export function resolvePeriod(params: PeriodParams, today: string): ResolvedPeriod {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.month) ? params.month : today.slice(0, 7);
  const fallback = { choice: '4w' as const, month, ...lastWeeks(4, today) };
  switch (params.period) {
    case '12w':
      return { choice: '12w', month, ...lastWeeks(12, today) };
    case 'month': {
      const [from, last] = monthBounds(month);
      // A month stops at today, unless it is wholly past or wholly to come.
      const to = today < from || last < today ? last : today;
      return { choice: 'month', month, from, to };
    }
    case 'custom': {
      if (!isIsoDate(params.from) || !isIsoDate(params.to))
        return { ...fallback, choice: 'custom', invalid: 'dates' };
      if (params.from > params.to) return { ...fallback, choice: 'custom', invalid: 'order' };
      const days = (Date.parse(params.to) - Date.parse(params.from)) / 86_400_000;
      if (days >= MAX_ANALYTICS_DAYS) return { ...fallback, choice: 'custom', invalid: 'length' };
      return { choice: 'custom', month, from: params.from, to: params.to };
    }
    default:
      return fallback;
  }
}

/** The days of one chart week that fall inside the period (the first and last weeks may be partial). */
export function weekWithin(week: string, period: { from: string; to: string }): { from: string; to: string } {
  const end = addDays(week, 6);
  return { from: week < period.from ? period.from : week, to: end > period.to ? period.to : end };
}

/**
 * The last week of the period that is over (a week under way would always look like a drop), or the
 * last one when none is: `lastCompleteWeek(['2026-11-16', '2026-11-23'], '2026-11-25')` -> 0.
 */
export function lastCompleteWeek(weeks: readonly string[], today: string): number {
  for (let index = weeks.length - 1; index >= 0; index -= 1)
    if (addDays(weeks[index]!, 6) < today) return index;
  return weeks.length - 1;
}
