import { z } from 'zod';
import { anomalyTypeSchema } from './anomalies.js';
import { isoDate } from './common.js';

/** The longest period of a chart: a year of weeks, so a 12-month view fits and a decade does not. */
export const MAX_ANALYTICS_DAYS = 371;

/** How many groups the hours chart names before it adds the rest up as "others". */
export const DEFAULT_ANALYTICS_TOP = 6;
export const MAX_ANALYTICS_TOP = 12;

/**
 * A registration is confirmed by ONSS on time when ONSS accepted it (registered, then validated or
 * awaiting validation) at most this many minutes after the registration time: the same 5 minutes
 * after which the ONSS tracking screen calls an unconfirmed registration "late".
 */
export const ONSS_ON_TIME_MINUTES = 5;

/** The groupings of the hours chart. */
export const analyticsGroupings = ['client', 'site', 'agent'] as const;

export type AnalyticsGrouping = (typeof analyticsGroupings)[number];

const periodShape = {
  from: isoDate,
  to: isoDate,
  clientId: z.uuid().optional(),
  siteId: z.uuid().optional(),
};

type Period = { from: string; to: string };

const ordered = (query: Period) => query.from <= query.to;
const shortEnough = (query: Period) =>
  (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < MAX_ANALYTICS_DAYS;
const orderedMessage = { message: 'must be on or after from', path: ['to'] };
const lengthMessage = { message: `must be at most ${MAX_ANALYTICS_DAYS} days after from`, path: ['to'] };

/**
 * The period and filters of every chart: local dates of the company (`from`/`to` inclusive, at most
 * {@link MAX_ANALYTICS_DAYS} days), optionally one client or one site. Weeks are ISO weeks (Monday
 * first) of the company's time zone; a period starting mid-week counts that week from `from` on.
 *
 * @example
 * analyticsQuery.parse({ from: '2026-11-02', to: '2026-11-29', siteId: undefined });
 */
export const analyticsQuery = z
  .object(periodShape)
  .refine(ordered, orderedMessage)
  .refine(shortEnough, lengthMessage);

export type AnalyticsQuery = z.output<typeof analyticsQuery>;

/**
 * The hours chart's query: the period and filters, the grouping (client, site or agent) and how many
 * groups to name (`top`, the rest added up as "others").
 *
 * @example
 * analyticsHoursQuery.parse({ from: '2026-11-02', to: '2026-11-29', groupBy: 'agent', top: '5' });
 */
export const analyticsHoursQuery = z
  .object({
    ...periodShape,
    groupBy: z.enum(analyticsGroupings).default('client'),
    top: z.coerce
      .number()
      .int()
      .min(1, 'must be 1 or more')
      .max(MAX_ANALYTICS_TOP, `must be at most ${MAX_ANALYTICS_TOP}`)
      .default(DEFAULT_ANALYTICS_TOP),
  })
  .refine(ordered, orderedMessage)
  .refine(shortEnough, lengthMessage);

export type AnalyticsHoursQuery = z.output<typeof analyticsHoursQuery>;

/** The Mondays (`YYYY-MM-DD`) of the weeks of a chart, every week of the period, in order. */
const weeks = z.array(isoDate);

/**
 * One group of the hours chart: a client, site or agent, or `others` (id null) for the rest.
 * `seconds` has one figure per week of `weeks`.
 */
export const analyticsHoursGroup = z.object({
  id: z.uuid().nullable(),
  name: z.string(),
  others: z.boolean(),
  totalSeconds: z.number().int(),
  seconds: z.array(z.number().int()),
});

export type AnalyticsHoursGroup = z.infer<typeof analyticsHoursGroup>;

/**
 * Hours worked per week and per client, site or agent (a manager's correction replaces the
 * registered figures, as in the timesheets), the biggest groups first, "others" last.
 *
 * @example
 * analyticsHours.shape.groups;
 */
export const analyticsHours = z.object({
  from: isoDate,
  to: isoDate,
  groupBy: z.enum(analyticsGroupings),
  weeks,
  groups: z.array(analyticsHoursGroup),
  /** Per week, every group together. */
  totals: z.array(z.number().int()),
});

export type AnalyticsHours = z.infer<typeof analyticsHours>;

/**
 * Planned and worked time per week: planned from the weekly slots of the agents' tasks (as the
 * timesheets compute it), worked from the work sessions.
 *
 * @example
 * analyticsPlannedVsActual.shape.weeks;
 */
export const analyticsPlannedVsActual = z.object({
  from: isoDate,
  to: isoDate,
  weeks: z.array(
    z.object({ week: isoDate, plannedSeconds: z.number().int(), workedSeconds: z.number().int() }),
  ),
});

export type AnalyticsPlannedVsActual = z.infer<typeof analyticsPlannedVsActual>;

/**
 * The ONSS registrations of one week, by outcome. `total` counts those ONSS had to receive (not the
 * not-applicable or cancelled ones) whose {@link ONSS_ON_TIME_MINUTES} minutes are over; `share` is
 * `onTime / total` (null without any).
 */
export const analyticsOnssWeek = z.object({
  week: isoDate,
  total: z.number().int(),
  /** Accepted by ONSS within the delay. */
  onTime: z.number().int(),
  /** Accepted by ONSS, but after the delay. */
  late: z.number().int(),
  refused: z.number().int(),
  /** Not accepted yet (to send, failing, needing attention). */
  unconfirmed: z.number().int(),
  share: z.number().min(0).max(1).nullable(),
});

export type AnalyticsOnssWeek = z.infer<typeof analyticsOnssWeek>;

/**
 * The share of registrations confirmed by ONSS on time, per week and over the period.
 *
 * @example
 * analyticsOnssOnTime.shape.onTimeMinutes;
 */
export const analyticsOnssOnTime = z.object({
  from: isoDate,
  to: isoDate,
  onTimeMinutes: z.number().int(),
  weeks: z.array(analyticsOnssWeek),
  overall: analyticsOnssWeek.omit({ week: true }),
});

export type AnalyticsOnssOnTime = z.infer<typeof analyticsOnssOnTime>;

/**
 * The anomalies opened per week and type (whatever became of them since).
 *
 * @example
 * analyticsAnomalies.shape.weeks;
 */
export const analyticsAnomalies = z.object({
  from: isoDate,
  to: isoDate,
  /** The types that occur in the period, the most frequent first. */
  types: z.array(anomalyTypeSchema),
  weeks: z.array(
    z.object({
      week: isoDate,
      total: z.number().int(),
      byType: z.array(z.object({ type: anomalyTypeSchema, count: z.number().int() })),
    }),
  ),
});

export type AnalyticsAnomalies = z.infer<typeof analyticsAnomalies>;
