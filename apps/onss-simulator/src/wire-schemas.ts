// The request bodies and query strings of the REST PresenceRegistration service as zod schemas,
// and the shapes of its answers. With wire.ts this is the whole contract the simulator speaks.
import { z } from 'zod';
import {
  CANCELLATION_REASONS,
  DEFAULT_PAGE_SIZE,
  MAX_ITEMS_PER_CALL,
  MAX_SEARCH_RESULTS,
  STATUS,
  VALIDITY,
  type CancellationReason,
  type PresenceType,
  type RegistrationStatus,
  type Validity,
} from './wire.js';

const employerSchema = z
  .looseObject({
    enterpriseNumber: z.string().optional(),
    foreignVatNumber: z.string().optional(),
  })
  .refine(
    (employer) => (employer.enterpriseNumber === undefined) !== (employer.foreignVatNumber === undefined),
    'employer must give exactly one of enterpriseNumber (Belgian) or foreignVatNumber (foreign employer)',
  );

const addressSchema = z.looseObject({
  postCode: z.string(),
  municipalityName: z.string(),
  streetName: z.string(),
  houseNumber: z.string(),
  boxNumber: z.string().nullable().optional(),
});

const placeOfWorkSchema = z
  .looseObject({
    coordinates: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
    address: addressSchema.optional(),
  })
  .refine(
    (place) => place.coordinates !== undefined || place.address !== undefined,
    'placeOfWork must give coordinates (latitude, longitude) or an address',
  );

/**
 * One registerInBulk item. Only the shape is checked here (a wrong shape refuses the whole call
 * with 400); the values (NISS, enterprise number, declaration, instant, type) are checked item by
 * item so that one bad registration never blocks the 199 others of the call.
 */
export const registrationItemSchema = z.looseObject({
  registrationDate: z.string(),
  ssin: z.string(),
  type: z.string(),
  employer: employerSchema,
  placeOfWork: placeOfWorkSchema,
  contractualRelationshipReference: z.string(),
});
export type RegistrationItem = z.infer<typeof registrationItemSchema>;

export const registerInBulkBodySchema = z.object({
  items: z
    .array(registrationItemSchema)
    .min(1, 'items must hold at least 1 registration')
    .max(MAX_ITEMS_PER_CALL, `items must hold at most ${MAX_ITEMS_PER_CALL} registrations`),
});

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const searchQuerySchema = z.object({
  // A Belgian calendar day (YYYY-MM-DD, both ends included) or an ISO 8601 instant.
  startDate: z.string({ error: 'startDate is required: searches always cover a period' }).min(1),
  endDate: z.string({ error: 'endDate is required: searches always cover a period' }).min(1),
  ssin: z.string().optional(),
  contractualRelationshipReference: z.string().optional(),
  validity: z.enum(Object.values(VALIDITY) as [Validity, ...Validity[]]).optional(),
  status: z
    .string()
    .transform((status) => status.toUpperCase())
    .pipe(z.enum(Object.values(STATUS) as [RegistrationStatus, ...RegistrationStatus[]]))
    .optional(),
  page: positiveInt(1, 10_000),
  pageSize: positiveInt(DEFAULT_PAGE_SIZE, MAX_SEARCH_RESULTS),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const cancelBodySchema = z.object({
  reason: z
    .string()
    .transform((reason) => reason.toUpperCase())
    .pipe(z.enum(CANCELLATION_REASONS)),
});

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** `reasons[]` of a refused item and `remarks` of a created one. */
export interface Reason {
  code: string;
  description: string;
}

export type ItemResult =
  | { createdPresenceRegistration: { id: number; validity: Validity; remarks: string[] } }
  | { notCreatedPresenceRegistration: Record<string, unknown> & { reasons: Reason[] } };

/** One entry of the validation history that getPresenceRegistration returns. */
export interface HistoryEntry {
  at: string;
  validity: Validity;
  status: RegistrationStatus;
  remarks: string[];
  cancellationReason?: CancellationReason;
}

/** A registration as reads (search, get) present it. */
export interface PresenceRegistrationView {
  id: number;
  registrationDate: string;
  ssin: string;
  type: PresenceType;
  employer: { enterpriseNumber: string } | { foreignVatNumber: string };
  placeOfWork: Record<string, unknown>;
  contractualRelationshipReference: string;
  validity: Validity;
  status: RegistrationStatus;
  remarks: string[];
  receivedAt: string;
  cancellationReason?: CancellationReason;
  validationHistory?: HistoryEntry[];
}
