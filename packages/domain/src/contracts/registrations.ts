import { z } from 'zod';
import { clockActions } from '../clock/state-machine.js';
import { booleanQuery, isoDate, isoInstant, pageOf, pageQuery } from './common.js';
import { onssRegistrationStatusSchema, onssValidityEntryView } from './onss-registrations.js';

/** The longest period one registrations query may cover, so that a count never scans years. */
export const MAX_REGISTRATION_PERIOD_DAYS = 366;

/** The sort fields of the registrations list: the time made on the phone, or received by ciao. */
export const registrationSortFields = ['deviceTime', 'receivedAt'] as const;

/**
 * The back-office registrations ("pointages") list: a period of local dates (`from`/`to`, both
 * inclusive, in the company's time zone), an agent (`agentId`, or `q` on the agent's identifier or
 * name), site, client, task, group, ONSS status, flags (`late`: synchronised late, `outside`:
 * outside the geofence, `offline`: made offline, `refused`: refused by ONSS) and `anomaly` (has an
 * open anomaly). Newest first unless told otherwise.
 *
 * @example
 * registrationListQuery.parse({ from: '2026-11-01', to: '2026-11-30', outside: 'true' });
 */
export const registrationListQuery = pageQuery
  .extend({
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
    agentId: z.uuid().optional(),
    siteId: z.uuid().optional(),
    clientId: z.uuid().optional(),
    taskId: z.uuid().optional(),
    groupId: z.uuid().optional(),
    onssStatus: onssRegistrationStatusSchema.optional(),
    late: booleanQuery.optional(),
    outside: booleanQuery.optional(),
    offline: booleanQuery.optional(),
    refused: booleanQuery.optional(),
    anomaly: booleanQuery.optional(),
    sort: z.enum(registrationSortFields).default('deviceTime'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'must be on or after from',
    path: ['to'],
  })
  .refine(
    (query) =>
      !query.from ||
      !query.to ||
      (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < MAX_REGISTRATION_PERIOD_DAYS,
    { message: `must be at most ${MAX_REGISTRATION_PERIOD_DAYS} days after from`, path: ['to'] },
  );

export type RegistrationListQuery = z.output<typeof registrationListQuery>;

/**
 * One registration in the list. Positions are personal data: the list carries only the distance
 * and the inside/outside verdict; the coordinates are in the detail.
 *
 * @example
 * registrationView.shape.flags;
 */
export const registrationView = z.object({
  id: z.uuid(),
  agent: z.object({ id: z.uuid(), identifier: z.string(), name: z.string() }),
  task: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
  client: z.object({ id: z.uuid(), name: z.string() }),
  action: z.enum(clockActions),
  direction: z.enum(['IN', 'OUT']),
  deviceTime: isoInstant,
  receivedAt: isoInstant,
  distanceMeters: z.number().nullable(),
  insideGeofence: z.boolean().nullable(),
  accuracyMeters: z.number(),
  capturedOffline: z.boolean(),
  flags: z.array(z.string()),
  /** The ONSS status, null when no ONSS row exists (a registration older than the outbox). */
  onssStatus: onssRegistrationStatusSchema.nullable(),
  openAnomalies: z.number().int(),
  workSessionId: z.uuid().nullable(),
});

export type RegistrationView = z.infer<typeof registrationView>;

/**
 * The most registrations a list counts: past it, `total` stops there and `totalCapped` is set, so
 * that a year of a large company (millions of rows) answers as fast as a week. Narrow the filters to
 * go further.
 */
export const REGISTRATION_COUNT_CAP = 10_000;

/** @example registrationPage.shape.totalCapped; */
export const registrationPage = pageOf(registrationView).extend({ totalCapped: z.boolean() });

/** One step of a registration's way to ONSS, oldest first. */
export const registrationOnssEvent = z.object({
  at: isoInstant,
  /** created, sent, registered, validity (with `validity` and `remarks`), validated. */
  kind: z.enum(['created', 'sent', 'registered', 'validity', 'validated']),
  validity: z.string().nullable(),
  remarks: z.array(z.string()),
});

/**
 * One registration with everything that explains it: the position against the site's geofence,
 * the device and received times, its flags, its ONSS status and history, its work session.
 *
 * @example
 * registrationDetail.shape.position;
 */
export const registrationDetail = registrationView.extend({
  /** Null once the retention job has anonymised it; the distance and geofence verdict stay. */
  position: z.object({ latitude: z.number(), longitude: z.number(), accuracyMeters: z.number() }).nullable(),
  /** When the raw position was removed (RETENTION_POSITION_MONTHS), else null. */
  positionAnonymisedAt: isoInstant.nullable(),
  sitePosition: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  geofenceRadiusMeters: z.number(),
  appVersion: z.string().nullable(),
  onss: z
    .object({
      id: z.uuid(),
      status: onssRegistrationStatusSchema,
      onssId: z.string().nullable(),
      attempts: z.number().int(),
      nextAttemptAt: isoInstant.nullable(),
      lastError: z.string().nullable(),
      remarks: z.array(z.string()),
      notApplicableReason: z.string().nullable(),
      validityHistory: z.array(onssValidityEntryView),
      history: z.array(registrationOnssEvent),
    })
    .nullable(),
  anomalies: z.array(z.object({ id: z.uuid(), type: z.string(), status: z.string(), openedAt: isoInstant })),
  workSession: z
    .object({
      id: z.uuid(),
      workDate: z.string(),
      state: z.enum(['WORKING', 'ON_BREAK', 'CLOSED']),
      startedAt: isoInstant,
      endedAt: isoInstant.nullable(),
      corrected: z.boolean(),
    })
    .nullable(),
});

export type RegistrationDetail = z.infer<typeof registrationDetail>;
