import { z } from 'zod';
import { booleanQuery, isoDate, isoInstant, optionalText, pageOf, pageQuery } from './common.js';

/**
 * The statuses of an ONSS registration, from the outbox to ONSS's verdict.
 *
 * @example
 * onssRegistrationStatuses.includes('needs_attention'); // true
 */
export const onssRegistrationStatuses = [
  'to_send',
  'sending',
  'registered',
  'validated',
  'refused',
  'send_failing',
  'needs_attention',
  'not_applicable',
  'cancelled',
] as const;

/** @example onssRegistrationStatusSchema.parse('refused'); */
export const onssRegistrationStatusSchema = z.enum(onssRegistrationStatuses);

export type OnssRegistrationStatus = z.infer<typeof onssRegistrationStatusSchema>;

/** The statuses an administrator may send again now: the outbox gave up or keeps failing. */
export const onssRetryableStatuses = ['needs_attention', 'send_failing'] as const;

/**
 * The follow-up status of a registration ("champs de suivi"), set by administrators, supervisors
 * and inspectors.
 *
 * @example
 * onssFollowUpStatusSchema.parse('correction_requested');
 */
export const onssFollowUpStatusSchema = z.enum([
  'to_check',
  'in_progress',
  'resolved',
  'correction_requested',
]);

export type OnssFollowUpStatus = z.infer<typeof onssFollowUpStatusSchema>;

/** At most this many registrations in one bulk action or correction request. */
export const MAX_ONSS_BULK_IDS = 500;

/**
 * The ONSS registrations list: newest first, filtered by status, agent, site, registration time
 * (from/to, ISO instants, inclusive), follow-up status and `late` (not confirmed by ONSS 5 minutes
 * after the registration).
 *
 * @example
 * onssRegistrationListQuery.parse({ status: 'refused', late: 'false', pageSize: '20' });
 */
export const onssRegistrationListQuery = pageQuery
  .extend({
    status: onssRegistrationStatusSchema.optional(),
    agentId: z.uuid().optional(),
    siteId: z.uuid().optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    followUpStatus: onssFollowUpStatusSchema.optional(),
    late: booleanQuery.optional(),
  })
  .refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), {
    message: 'must be after from',
    path: ['to'],
  });

export type OnssRegistrationListQuery = z.output<typeof onssRegistrationListQuery>;

/** @example onssValidityEntryView.parse({ at: '2026-11-29T08:00:00Z', validity: 'validated', remarks: [] }); */
export const onssValidityEntryView = z.object({
  at: z.string(),
  validity: z.string(),
  remarks: z.array(z.string()),
});

/**
 * One ONSS registration as the back-office shows it, with its follow-up fields.
 *
 * @example
 * onssRegistrationView.shape.followUpStatus;
 */
export const onssRegistrationView = z.object({
  id: z.uuid(),
  agent: z.object({ id: z.uuid(), identifier: z.string(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
  direction: z.enum(['IN', 'OUT']),
  registrationTime: isoInstant,
  status: onssRegistrationStatusSchema,
  /** Not confirmed by ONSS 5 minutes after the registration. */
  late: z.boolean(),
  onssId: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: isoInstant.nullable(),
  lastError: z.string().nullable(),
  remarks: z.array(z.string()),
  notApplicableReason: z.string().nullable(),
  sentAt: isoInstant.nullable(),
  registeredAt: isoInstant.nullable(),
  validatedAt: isoInstant.nullable(),
  followUpStatus: onssFollowUpStatusSchema.nullable(),
  followUpComment: z.string().nullable(),
  followUpAssignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  correctionRequestReference: z.string().nullable(),
  correctionRequestId: z.uuid().nullable(),
  updatedAt: isoInstant,
});

export type OnssRegistrationView = z.infer<typeof onssRegistrationView>;

/** One registration with the validity history ONSS reported. */
export const onssRegistrationDetail = onssRegistrationView.extend({
  validityHistory: z.array(onssValidityEntryView),
});

export type OnssRegistrationDetail = z.infer<typeof onssRegistrationDetail>;

/**
 * A page of registrations, with how many match the other filters in each status (`counts`).
 *
 * @example
 * onssRegistrationPage.shape.counts;
 */
export const onssRegistrationPage = pageOf(onssRegistrationView).extend({
  counts: z.record(z.string(), z.number().int()),
});

/**
 * Changing the follow-up fields; absent fields are left as they are, `null` clears.
 *
 * @example
 * updateOnssFollowUpRequest.parse({ followUpStatus: 'in_progress', comment: 'Called the agent' });
 */
export const updateOnssFollowUpRequest = z.object({
  followUpStatus: onssFollowUpStatusSchema.nullable().optional(),
  comment: optionalText(2000).optional(),
  /** A web user of the company. */
  assigneeId: z.uuid().nullable().optional(),
  correctionRequestReference: optionalText(100).optional(),
});

export type UpdateOnssFollowUpRequest = z.output<typeof updateOnssFollowUpRequest>;

const bulkIds = z
  .array(z.uuid())
  .min(1, 'must list at least one registration')
  .max(MAX_ONSS_BULK_IDS, `must list at most ${MAX_ONSS_BULK_IDS} registrations`);

/** @example bulkRetryOnssRequest.parse({ ids: ['0b9d…'] }); */
export const bulkRetryOnssRequest = z.object({ ids: bulkIds });

/** @example bulkOnssFollowUpRequest.parse({ ids: ['0b9d…'], followUpStatus: 'resolved' }); */
export const bulkOnssFollowUpRequest = z.object({ ids: bulkIds, followUpStatus: onssFollowUpStatusSchema });

export type BulkOnssFollowUpRequest = z.output<typeof bulkOnssFollowUpRequest>;

/**
 * What happened to each registration of a bulk action: `ok`, or the refusal's code and message.
 *
 * @example
 * onssBulkResult.parse({ results: [{ id: '0b9d…', ok: false, code: 'CONFLICT', message: '…' }] });
 */
export const onssBulkResult = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

export type OnssBulkResult = z.infer<typeof onssBulkResult>;

/**
 * A correction request: the registrations to correct (refused or registered ones), the reason, the
 * evidence, and the correction asked for each.
 *
 * @example
 * createCorrectionRequestRequest.parse({
 *   registrationIds: [id], reason: 'Wrong site', evidence: 'Planning',
 *   items: [{ registrationId: id, requestedCorrection: 'Site Louise 231, 06:02' }],
 * });
 */
export const createCorrectionRequestRequest = z
  .object({
    registrationIds: bulkIds,
    reason: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
    evidence: optionalText(5000).optional(),
    items: z
      .array(
        z.object({
          registrationId: z.uuid(),
          requestedCorrection: z
            .string()
            .trim()
            .min(1, 'is required')
            .max(1000, 'must be at most 1000 characters'),
        }),
      )
      .max(MAX_ONSS_BULK_IDS),
  })
  .refine(
    (request) => {
      const ids = new Set(request.registrationIds);
      return (
        ids.size === request.registrationIds.length &&
        request.items.length === ids.size &&
        request.items.every((item) => ids.has(item.registrationId)) &&
        new Set(request.items.map((item) => item.registrationId)).size === ids.size
      );
    },
    { message: 'must give one requested correction per registration, each once', path: ['items'] },
  );

export type CreateCorrectionRequestRequest = z.output<typeof createCorrectionRequestRequest>;

/**
 * One registration of a correction request; `deadline` is the last day (Europe/Brussels) to ask
 * ONSS: the registration date plus 30 days.
 */
export const correctionRequestItemView = z.object({
  id: z.uuid(),
  requestedCorrection: z.string(),
  deadline: isoDate,
  registration: onssRegistrationView,
});

/**
 * A correction request is a draft until the company sent it to ONSS (`submitted`, which stops the
 * deadline reminders), then `answered` once ONSS replied.
 *
 * @example
 * correctionRequestStatusSchema.parse('submitted');
 */
export const correctionRequestStatusSchema = z.enum(['draft', 'submitted', 'answered']);

export type CorrectionRequestStatus = z.infer<typeof correctionRequestStatusSchema>;

/**
 * @example
 * updateCorrectionRequestStatusRequest.parse({ status: 'submitted' });
 */
export const updateCorrectionRequestStatusRequest = z.object({ status: correctionRequestStatusSchema });

export type UpdateCorrectionRequestStatusRequest = z.output<typeof updateCorrectionRequestStatusRequest>;

/** @example correctionRequestSummary.shape.reference; */
export const correctionRequestSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  reason: z.string(),
  evidence: z.string().nullable(),
  status: correctionRequestStatusSchema,
  /** When it was (last) marked as sent to ONSS. */
  submittedAt: isoInstant.nullable(),
  itemCount: z.number().int(),
  /** The earliest deadline of its registrations. */
  firstDeadline: isoDate.nullable(),
  createdByUserId: z.uuid().nullable(),
  createdAt: isoInstant,
});

/** @example correctionRequestView.shape.items; */
export const correctionRequestView = correctionRequestSummary.extend({
  items: z.array(correctionRequestItemView),
});

export type CorrectionRequestView = z.infer<typeof correctionRequestView>;

/** @example correctionRequestPage.shape.items; */
export const correctionRequestPage = pageOf(correctionRequestSummary);

/** @example correctionRequestListQuery.parse({ page: '1' }); */
export const correctionRequestListQuery = pageQuery;

export type CorrectionRequestListQuery = z.output<typeof correctionRequestListQuery>;

/**
 * The ONSS tracking summary's period (registration time, ISO instants, inclusive); both optional.
 *
 * @example
 * onssRegistrationSummaryQuery.parse({ from: '2026-11-01T00:00:00Z' });
 */
export const onssRegistrationSummaryQuery = z
  .object({ from: isoInstant.optional(), to: isoInstant.optional() })
  .refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), {
    message: 'must be after from',
    path: ['to'],
  });

export type OnssRegistrationSummaryQuery = z.output<typeof onssRegistrationSummaryQuery>;

/**
 * The counts at the top of the ONSS tracking screen: per status, per follow-up status (`none` for
 * registrations nobody followed up yet), how many are late and how many need attention.
 *
 * @example
 * onssRegistrationSummary.parse({
 *   total: 3, byStatus: { validated: 2, refused: 1 }, byFollowUpStatus: { none: 3 },
 *   late: 0, needsAttention: 0, refused: 1,
 * });
 */
export const onssRegistrationSummary = z.object({
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byFollowUpStatus: z.record(z.string(), z.number().int()),
  late: z.number().int(),
  needsAttention: z.number().int(),
  refused: z.number().int(),
});

export type OnssRegistrationSummary = z.infer<typeof onssRegistrationSummary>;
