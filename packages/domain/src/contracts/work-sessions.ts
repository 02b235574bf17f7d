import { z } from 'zod';

/**
 * A manager's correction of a work session: it changes the internal time accounting and reports,
 * is shown as a correction everywhere, and never sends anything to ONSS (corrections towards ONSS
 * go through an ONSS correction request).
 *
 * @example
 * workSessionCorrectionInput.parse({ endedAt: '2026-11-30T09:00:00+01:00', reason: 'Forgot to register the departure' });
 */
export const workSessionCorrectionInput = z
  .object({
    startedAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time with its offset' })
      .optional(),
    endedAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time with its offset' })
      .optional(),
    breakMinutes: z
      .number()
      .int()
      .min(0, 'must be 0 or more')
      .max(24 * 60)
      .optional(),
    reason: z.string().trim().min(5, 'must say why (at least 5 characters)').max(1000),
  })
  .refine((value) => value.startedAt || value.endedAt || value.breakMinutes !== undefined, {
    message: 'must change the start, the end or the break time',
    path: ['endedAt'],
  })
  .refine(
    (value) => !value.startedAt || !value.endedAt || new Date(value.endedAt) > new Date(value.startedAt),
    {
      message: 'must be after the start',
      path: ['endedAt'],
    },
  );

/**
 * @example
 * workSessionView.shape.correction;
 */
export const workSessionView = z.object({
  id: z.uuid(),
  agent: z.object({ id: z.uuid(), identifier: z.string(), name: z.string() }),
  task: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
  workDate: z.string(),
  state: z.enum(['WORKING', 'ON_BREAK', 'CLOSED']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  workedSeconds: z.number(),
  breakSeconds: z.number(),
  breakCount: z.number(),
  /** Present when a manager corrected the session: the figures reports use. */
  correction: z
    .object({
      startedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      workedSeconds: z.number().nullable(),
      breakSeconds: z.number().nullable(),
    })
    .nullable(),
});

export const workSessionListQuery = z.object({
  agentId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  from: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional(),
  to: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const workSessionList = z.object({
  items: z.array(workSessionView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const workSessionDetail = workSessionView.extend({
  events: z.array(
    z.object({ id: z.uuid(), action: z.string(), deviceTime: z.string(), flags: z.array(z.string()) }),
  ),
  corrections: z.array(
    z.object({
      id: z.uuid(),
      reason: z.string(),
      correctedBy: z.string(),
      at: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
