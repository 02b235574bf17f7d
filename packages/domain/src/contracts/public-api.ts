import { z } from 'zod';
import { agentDateRangeRule, createAgentRequest, updateAgentRequest } from './agents.js';
import { isoInstant } from './common.js';
import { createClientRequest, createSiteRequest, updateClientRequest, updateSiteRequest } from './places.js';
import { createTaskRequest, updateTaskRequest } from './tasks.js';

/*
 * The public API, version 1 (`/api/v1`): the contracts integrators (payroll, ERP, planning) code
 * against. v1 never changes incompatibly: fields may be added to answers and optional fields to
 * requests; nothing is removed, renamed or narrowed (the OpenAPI baseline test enforces it).
 * Statuses and types are plain strings in answers so that a new value is not a breaking change:
 * clients must accept values they do not know.
 */

/** The largest page of the public API. */
export const PUBLIC_API_MAX_LIMIT = 500;
/** The page size when the client does not ask for one. */
export const PUBLIC_API_DEFAULT_LIMIT = 100;

/**
 * The scopes of an API key: `read` for every GET, `write` for creations and changes (a `write` key
 * can read too).
 *
 * @example
 * apiKeyScope.parse('write');
 */
export const apiKeyScope = z.enum(['read', 'write']);

export type ApiKeyScope = z.infer<typeof apiKeyScope>;

/**
 * The query of every list of the public API: an opaque `cursor` from the previous page, a `limit`
 * (at most 500) and `updated_since` for incremental synchronisation (pass the `syncWatermark` of the
 * last complete run).
 *
 * @example
 * publicListQuery.parse({ limit: '200', updated_since: '2026-11-29T08:00:00Z' });
 */
export const publicListQuery = z.object({
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'The `nextCursor` of the previous page.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 or more')
    .max(PUBLIC_API_MAX_LIMIT, `must be at most ${PUBLIC_API_MAX_LIMIT}`)
    .default(PUBLIC_API_DEFAULT_LIMIT),
  updated_since: isoInstant.optional().meta({
    description:
      'Only what was created or changed at or after this instant: the `syncWatermark` of the previous complete run.',
  }),
});

export type PublicListQuery = z.output<typeof publicListQuery>;

/**
 * One page of a public list, oldest change first. `nextCursor` is null on the last page; then store
 * `syncWatermark` and pass it as `updated_since` next time.
 */
export function publicPageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    syncWatermark: isoInstant,
  });
}

const address = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  boxNumber: z.string().nullable(),
  postCode: z.string().nullable(),
  municipality: z.string().nullable(),
  country: z.string(),
});

const exampleAddress = {
  street: 'Avenue Louise',
  houseNumber: '231',
  boxNumber: null,
  postCode: '1050',
  municipality: 'Ixelles',
  country: 'BE',
};
const stamps = { createdAt: '2026-11-02T08:15:00.000Z', updatedAt: '2026-11-28T16:40:12.345Z' };

// --- Agents ---------------------------------------------------------------------------------------

/** An agent. The NISS is write-only here: integrators send it, ciao never gives it back. */
export const publicAgent = z
  .object({
    id: z.uuid(),
    identifier: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    hasNiss: z.boolean(),
    limosaId: z.string().nullable(),
    agentType: z.string(),
    employmentStatus: z.string(),
    subcontractorId: z.uuid().nullable(),
    payrollNumber: z.string().nullable(),
    language: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    mobileAccess: z.boolean(),
    activeFrom: z.string().nullable(),
    activeUntil: z.string().nullable(),
    active: z.boolean(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({
    examples: [
      {
        id: '3f1c8a52-4b7e-4d0f-9c2a-6e5b1d7f8a90',
        identifier: 'JDUPONT',
        firstName: 'Jean',
        lastName: 'Dupont',
        hasNiss: true,
        limosaId: null,
        agentType: 'FIELD',
        employmentStatus: 'employee',
        subcontractorId: null,
        payrollNumber: 'P-1042',
        language: 'fr',
        email: null,
        phone: '+32 470 12 34 56',
        mobileAccess: true,
        activeFrom: '2026-01-05',
        activeUntil: null,
        active: true,
        ...stamps,
      },
    ],
  });

export type PublicAgent = z.infer<typeof publicAgent>;

/**
 * Creating an agent through the API: the agent-app password and the web user's role are the
 * back-office's to set.
 *
 * @example
 * publicCreateAgentRequest.parse({ identifier: 'jdupont', firstName: 'Jean', lastName: 'Dupont' });
 */
export const publicCreateAgentRequest = z
  .object(createAgentRequest.shape)
  .omit({ mobilePassword: true, userRole: true })
  .refine(...agentDateRangeRule)
  .meta({
    examples: [{ identifier: 'JDUPONT', firstName: 'Jean', lastName: 'Dupont', payrollNumber: 'P-1042' }],
  });

/** @example publicUpdateAgentRequest.parse({ active: false }); */
export const publicUpdateAgentRequest = z
  .object(updateAgentRequest.shape)
  .omit({ userRole: true })
  .refine(...agentDateRangeRule)
  .meta({ examples: [{ activeUntil: '2026-12-31' }] });

// --- Clients and sites ----------------------------------------------------------------------------

export const publicClient = z
  .object({
    id: z.uuid(),
    name: z.string(),
    reference: z.string().nullable(),
    enterpriseNumber: z.string().nullable(),
    vatNumber: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    address,
    active: z.boolean(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({
    examples: [
      {
        id: '0b8f2c1e-5d3a-4e7b-8f9c-1a2b3c4d5e6f',
        name: 'Immo Louise',
        reference: 'C-204',
        enterpriseNumber: '0203201340',
        vatNumber: null,
        contactName: 'Anne Peeters',
        contactEmail: 'anne@immo-louise.be',
        contactPhone: null,
        address: exampleAddress,
        active: true,
        ...stamps,
      },
    ],
  });

export type PublicClient = z.infer<typeof publicClient>;

export const publicCreateClientRequest = createClientRequest.meta({
  examples: [{ name: 'Immo Louise', reference: 'C-204', enterpriseNumber: 'BE 0203.201.340' }],
});
export const publicUpdateClientRequest = updateClientRequest.meta({
  examples: [{ contactName: 'Anne Peeters' }],
});

export const publicSite = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    name: z.string(),
    address,
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    geofenceRadiusMeters: z.number().int(),
    workDeclarationNumber: z.string().nullable(),
    subjectToOnss: z.boolean(),
    costCentre: z.string().nullable(),
    active: z.boolean(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({
    examples: [
      {
        id: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
        clientId: '0b8f2c1e-5d3a-4e7b-8f9c-1a2b3c4d5e6f',
        name: 'Louise 231 – offices',
        address: exampleAddress,
        latitude: 50.8267,
        longitude: 4.3652,
        geofenceRadiusMeters: 150,
        workDeclarationNumber: 'A1B2C3D4E5F60',
        subjectToOnss: true,
        costCentre: 'BXL-01',
        active: true,
        ...stamps,
      },
    ],
  });

export type PublicSite = z.infer<typeof publicSite>;

export const publicCreateSiteRequest = createSiteRequest.meta({
  examples: [{ clientId: '0b8f2c1e-5d3a-4e7b-8f9c-1a2b3c4d5e6f', name: 'Louise 231 – offices' }],
});
export const publicUpdateSiteRequest = updateSiteRequest.meta({ examples: [{ costCentre: 'BXL-02' }] });

// --- Tasks ----------------------------------------------------------------------------------------

export const publicTask = z
  .object({
    id: z.uuid(),
    siteId: z.uuid(),
    groupId: z.uuid().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    active: z.boolean(),
    schedule: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({
    examples: [
      {
        id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        siteId: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
        groupId: null,
        name: 'Morning cleaning',
        description: null,
        active: true,
        schedule: [{ weekday: 1, start: '06:00', end: '09:00' }],
        validFrom: '2026-01-01',
        validUntil: null,
        ...stamps,
      },
    ],
  });

export type PublicTask = z.infer<typeof publicTask>;

export const publicCreateTaskRequest = createTaskRequest.meta({
  examples: [
    {
      siteId: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
      name: 'Morning cleaning',
      schedule: [{ weekday: 1, start: '06:00', end: '09:00' }],
    },
  ],
});
export const publicUpdateTaskRequest = updateTaskRequest.meta({ examples: [{ active: false }] });

// --- Read-only: registrations, work sessions, ONSS statuses, anomalies ---------------------------

/**
 * A registration (clock event) as the agent made it. Legal record: never changed once received, so
 * `updated_since` filters on `receivedAt`. Positions are not exposed, only the geofence verdict.
 */
export const publicRegistration = z
  .object({
    id: z.uuid(),
    agentId: z.uuid(),
    taskId: z.uuid(),
    siteId: z.uuid(),
    workSessionId: z.uuid().nullable(),
    action: z.string().meta({ description: 'ARRIVE, PAUSE, RESUME or LEAVE.' }),
    direction: z.string().meta({ description: 'IN or OUT, as sent to ONSS.' }),
    deviceTime: isoInstant,
    receivedAt: isoInstant,
    accuracyMeters: z.number(),
    distanceMeters: z.number().nullable(),
    insideGeofence: z.boolean().nullable(),
    flags: z.array(z.string()),
    capturedOffline: z.boolean(),
  })
  .meta({
    examples: [
      {
        id: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
        agentId: '3f1c8a52-4b7e-4d0f-9c2a-6e5b1d7f8a90',
        taskId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        siteId: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
        workSessionId: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
        action: 'ARRIVE',
        direction: 'IN',
        deviceTime: '2026-11-28T05:58:41.000Z',
        receivedAt: '2026-11-28T05:58:43.120Z',
        accuracyMeters: 12,
        distanceMeters: 34.5,
        insideGeofence: true,
        flags: [],
        capturedOffline: false,
      },
    ],
  });

export type PublicRegistration = z.infer<typeof publicRegistration>;

export const publicWorkSession = z
  .object({
    id: z.uuid(),
    agentId: z.uuid(),
    taskId: z.uuid(),
    siteId: z.uuid(),
    workDate: z.string(),
    state: z.string().meta({ description: 'WORKING, ON_BREAK or CLOSED.' }),
    startedAt: isoInstant,
    endedAt: isoInstant.nullable(),
    workedSeconds: z.number().int(),
    breakSeconds: z.number().int(),
    breakCount: z.number().int(),
    corrected: z.boolean(),
    correctedStartedAt: isoInstant.nullable(),
    correctedEndedAt: isoInstant.nullable(),
    correctedWorkedSeconds: z.number().int().nullable(),
    correctedBreakSeconds: z.number().int().nullable(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({
    examples: [
      {
        id: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
        agentId: '3f1c8a52-4b7e-4d0f-9c2a-6e5b1d7f8a90',
        taskId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        siteId: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
        workDate: '2026-11-28',
        state: 'CLOSED',
        startedAt: '2026-11-28T05:58:41.000Z',
        endedAt: '2026-11-28T09:02:10.000Z',
        workedSeconds: 10_409,
        breakSeconds: 600,
        breakCount: 1,
        corrected: false,
        correctedStartedAt: null,
        correctedEndedAt: null,
        correctedWorkedSeconds: null,
        correctedBreakSeconds: null,
        createdAt: '2026-11-28T05:58:43.120Z',
        updatedAt: '2026-11-28T09:02:12.004Z',
      },
    ],
  });

export type PublicWorkSession = z.infer<typeof publicWorkSession>;

/** The ONSS side of one registration: where its declaration to ONSS stands. */
export const publicOnssStatus = z
  .object({
    id: z.uuid(),
    registrationId: z.uuid(),
    agentId: z.uuid(),
    siteId: z.uuid(),
    direction: z.string(),
    registrationTime: isoInstant,
    status: z.string().meta({
      description:
        'to_send, sending, registered, validated, refused, send_failing, needs_attention, not_applicable or cancelled.',
    }),
    notApplicableReason: z.string().nullable(),
    onssId: z.string().nullable(),
    remarks: z.array(z.string()),
    sentAt: isoInstant.nullable(),
    registeredAt: isoInstant.nullable(),
    validatedAt: isoInstant.nullable(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({
    examples: [
      {
        id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
        registrationId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
        agentId: '3f1c8a52-4b7e-4d0f-9c2a-6e5b1d7f8a90',
        siteId: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
        direction: 'IN',
        registrationTime: '2026-11-28T05:58:41.000Z',
        status: 'validated',
        notApplicableReason: null,
        onssId: 'PR-20261128-000123',
        remarks: [],
        sentAt: '2026-11-28T05:58:44.000Z',
        registeredAt: '2026-11-28T05:58:45.000Z',
        validatedAt: '2026-11-28T06:10:00.000Z',
        createdAt: '2026-11-28T05:58:43.120Z',
        updatedAt: '2026-11-28T06:10:00.000Z',
      },
    ],
  });

export type PublicOnssStatus = z.infer<typeof publicOnssStatus>;

export const publicAnomaly = z
  .object({
    id: z.uuid(),
    type: z.string(),
    status: z.string().meta({ description: 'open, acknowledged or resolved.' }),
    agentId: z.uuid().nullable(),
    siteId: z.uuid().nullable(),
    taskId: z.uuid().nullable(),
    workSessionId: z.uuid().nullable(),
    registrationId: z.uuid().nullable(),
    onssStatusId: z.uuid().nullable(),
    openedAt: isoInstant,
    acknowledgedAt: isoInstant.nullable(),
    resolvedAt: isoInstant.nullable(),
    resolvedAutomatically: z.boolean(),
    updatedAt: isoInstant,
  })
  .meta({
    examples: [
      {
        id: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
        type: 'MISSED_DEPARTURE',
        status: 'open',
        agentId: '3f1c8a52-4b7e-4d0f-9c2a-6e5b1d7f8a90',
        siteId: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
        taskId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        workSessionId: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
        registrationId: null,
        onssStatusId: null,
        openedAt: '2026-11-28T11:00:00.000Z',
        acknowledgedAt: null,
        resolvedAt: null,
        resolvedAutomatically: false,
        updatedAt: '2026-11-28T11:00:00.000Z',
      },
    ],
  });

export type PublicAnomaly = z.infer<typeof publicAnomaly>;

export const publicAgentPage = publicPageOf(publicAgent);
export const publicClientPage = publicPageOf(publicClient);
export const publicSitePage = publicPageOf(publicSite);
export const publicTaskPage = publicPageOf(publicTask);
export const publicRegistrationPage = publicPageOf(publicRegistration);
export const publicWorkSessionPage = publicPageOf(publicWorkSession);
export const publicOnssStatusPage = publicPageOf(publicOnssStatus);
export const publicAnomalyPage = publicPageOf(publicAnomaly);
