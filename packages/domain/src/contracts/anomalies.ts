import { z } from 'zod';
import { anomalyStatuses, anomalyTypes } from '../clock/anomaly-rules.js';
import { isoInstant, optionalText, pageOf, pageQuery } from './common.js';

/**
 * @example
 * anomalyTypeSchema.parse('NO_SHOW');
 */
export const anomalyTypeSchema = z.enum(anomalyTypes);

/**
 * @example
 * anomalyStatusSchema.parse('acknowledged');
 */
export const anomalyStatusSchema = z.enum(anomalyStatuses);

/**
 * The anomaly list: newest first, filtered by status, type, agent, site and opening time (from/to
 * are ISO instants, inclusive), in pages.
 *
 * @example
 * anomalyListQuery.parse({ status: 'open', type: 'NO_SHOW', pageSize: '20' });
 */
export const anomalyListQuery = pageQuery
  .extend({
    status: anomalyStatusSchema.optional(),
    type: anomalyTypeSchema.optional(),
    agentId: z.uuid().optional(),
    siteId: z.uuid().optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
  })
  .refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), {
    message: 'must be after from',
    path: ['to'],
  });

/**
 * @example
 * const query: AnomalyListQuery = anomalyListQuery.parse({ status: 'open' });
 */
export type AnomalyListQuery = z.output<typeof anomalyListQuery>;

const named = z.object({ id: z.uuid(), name: z.string() }).nullable();

/**
 * One anomaly as the back-office shows it. `details` describes the cause (distances, minutes,
 * planned times; never a position); `comment` is the last comment given when acknowledging or
 * resolving it (every comment is kept in the audit trail).
 *
 * @example
 * anomalyView.shape.resolvedAutomatically;
 */
export const anomalyView = z.object({
  id: z.uuid(),
  type: anomalyTypeSchema,
  status: anomalyStatusSchema,
  agent: named,
  site: named,
  task: named,
  workSessionId: z.uuid().nullable(),
  clockEventId: z.uuid().nullable(),
  onssRegistrationId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
  openedAt: isoInstant,
  acknowledgedAt: isoInstant.nullable(),
  acknowledgedByUserId: z.uuid().nullable(),
  resolvedAt: isoInstant.nullable(),
  resolvedByUserId: z.uuid().nullable(),
  /** The scan closed it because its cause disappeared. */
  resolvedAutomatically: z.boolean(),
  comment: z.string().nullable(),
  updatedAt: isoInstant,
});

/**
 * @example
 * const open = (anomaly: AnomalyView) => anomaly.status !== 'resolved';
 */
export type AnomalyView = z.infer<typeof anomalyView>;

/**
 * @example
 * anomalyPage.parse({ items: [], total: 0, page: 1, pageSize: 50 });
 */
export const anomalyPage = pageOf(anomalyView);

/**
 * Acknowledging: the manager has seen the anomaly; a comment is optional.
 *
 * @example
 * acknowledgeAnomalyRequest.parse({ comment: 'Called the agent' });
 */
export const acknowledgeAnomalyRequest = z.object({ comment: optionalText(1000).optional() });

/**
 * @example
 * const body: AcknowledgeAnomalyRequest = { comment: 'Seen' };
 */
export type AcknowledgeAnomalyRequest = z.infer<typeof acknowledgeAnomalyRequest>;

/**
 * Resolving: the comment saying what was done is mandatory.
 *
 * @example
 * resolveAnomalyRequest.parse({ comment: 'Departure corrected to 09:05 with the agent' });
 */
export const resolveAnomalyRequest = z.object({
  comment: z.string().trim().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
});

/**
 * @example
 * const body: ResolveAnomalyRequest = { comment: 'Absence recorded' };
 */
export type ResolveAnomalyRequest = z.infer<typeof resolveAnomalyRequest>;

/**
 * The compliance summary's period (opening time, ISO instants, inclusive). Without `from`, the
 * last 8 weeks; without `to`, now.
 *
 * @example
 * anomalySummaryQuery.parse({ from: '2026-10-01T00:00:00Z' });
 */
export const anomalySummaryQuery = z
  .object({ from: isoInstant.optional(), to: isoInstant.optional() })
  .refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), {
    message: 'must be after from',
    path: ['to'],
  })
  .refine(
    (query) =>
      !query.from ||
      !query.to ||
      new Date(query.to).getTime() - new Date(query.from).getTime() <= 400 * 86_400_000,
    { message: 'must be at most 400 days after from', path: ['to'] },
  );

export type AnomalySummaryQuery = z.output<typeof anomalySummaryQuery>;

const namedCount = z.object({ id: z.uuid(), name: z.string(), count: z.number().int() });

/**
 * The compliance screen's figures: the unresolved anomalies (open or acknowledged, whenever they
 * were opened) per type, site and agent (the 10 with most), and the anomalies opened in the period
 * per ISO week (of the company's time zone, e.g. `2026-W48`) and type.
 *
 * @example
 * anomalySummary.shape.weekly;
 */
export const anomalySummary = z.object({
  from: isoInstant,
  to: isoInstant,
  unresolved: z.object({
    total: z.number().int(),
    byType: z.array(z.object({ type: anomalyTypeSchema, count: z.number().int() })),
    bySite: z.array(namedCount),
    byAgent: z.array(namedCount),
  }),
  weekly: z.array(z.object({ week: z.string(), type: anomalyTypeSchema, count: z.number().int() })),
});

export type AnomalySummary = z.infer<typeof anomalySummary>;
