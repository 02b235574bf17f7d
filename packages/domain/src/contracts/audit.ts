import { z } from 'zod';
import { isoInstant, MAX_PAGE_SIZE } from './common.js';

/**
 * The audit log query: newest first, filtered, paged with a cursor (`before` = the `nextCursor` of
 * the previous page), at most {@link MAX_PAGE_SIZE} rows per page.
 *
 * @example
 * auditQuery.parse({ entityType: 'agent', from: '2026-11-01T00:00:00Z', limit: '20' });
 */
export const auditQuery = z
  .object({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    action: z.string().trim().min(1).max(100).optional(),
    actorId: z.string().trim().min(1).max(100).optional(),
    entityType: z.string().trim().min(1).max(100).optional(),
    entityId: z.string().trim().min(1).max(100).optional(),
    before: z.coerce.number().int().min(1, 'must be 1 or more').optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1, 'must be 1 or more')
      .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
      .default(50),
  })
  .refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), {
    message: 'must be after from',
    path: ['to'],
  });

export type AuditQuery = z.output<typeof auditQuery>;

/**
 * One audit entry: who did what to which object, with the object before and after. Secrets (hashes,
 * encrypted keys) are never recorded, only the fact that they changed.
 *
 * @example
 * auditEntry.shape.before;
 */
export const auditEntry = z.object({
  id: z.number().int(),
  at: isoInstant,
  actor: z.object({
    type: z.string(),
    id: z.string().nullable(),
    /** The web user's display name, when the actor is one of the company's users. */
    name: z.string().nullable(),
  }),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

export type AuditEntry = z.infer<typeof auditEntry>;

/**
 * @example
 * auditPage.parse({ items: [], nextCursor: null });
 */
export const auditPage = z.object({
  items: z.array(auditEntry),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextCursor: z.number().int().nullable(),
});
