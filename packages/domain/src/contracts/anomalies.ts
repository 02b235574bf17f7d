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
