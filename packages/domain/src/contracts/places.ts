import { z } from 'zod';
import { booleanQuery, isoInstant, listQuery, optionalEmail, optionalText, pageOf } from './common.js';

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');

/**
 * A postal address as the forms hold it; blank parts become `null`, the country defaults to `BE`.
 *
 * @example
 * postalAddress.parse({ street: 'Avenue Louise', houseNumber: '231', postCode: '1050', municipality: 'Ixelles' });
 */
export const postalAddress = z.object({
  street: optionalText(200).default(null),
  houseNumber: optionalText(20).default(null),
  boxNumber: optionalText(20).default(null),
  postCode: optionalText(20).default(null),
  municipality: optionalText(100).default(null),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'is a two-letter country code (ISO 3166), e.g. BE')
    .default('BE'),
});

export type PostalAddress = z.output<typeof postalAddress>;

const addressView = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  boxNumber: z.string().nullable(),
  postCode: z.string().nullable(),
  municipality: z.string().nullable(),
  country: z.string(),
});

// --- Clients ("Tiers") --------------------------------------------------------------------------

/**
 * The client fields. The enterprise number is checked by the server with `parseEnterpriseNumber`
 * (stored as 10 digits, errors with the parser's code, e.g. `ENTERPRISE_NUMBER_CHECK_DIGITS`).
 */
const clientFields = {
  name,
  reference: optionalText(50),
  enterpriseNumber: optionalText(20),
  vatNumber: optionalText(20),
  contactName: optionalText(200),
  contactEmail: optionalEmail,
  contactPhone: optionalText(40),
  address: postalAddress,
  active: z.boolean(),
};

/**
 * @example
 * createClientRequest.parse({ name: 'Immo Louise', enterpriseNumber: 'BE 0203.201.340' });
 */
export const createClientRequest = z.object({
  ...clientFields,
  reference: clientFields.reference.optional(),
  enterpriseNumber: clientFields.enterpriseNumber.optional(),
  vatNumber: clientFields.vatNumber.optional(),
  contactName: clientFields.contactName.optional(),
  contactEmail: clientFields.contactEmail.optional(),
  contactPhone: clientFields.contactPhone.optional(),
  address: postalAddress.default(postalAddress.parse({})),
  active: z.boolean().default(true),
});

export type CreateClientRequest = z.output<typeof createClientRequest>;

/**
 * Only the fields sent change; `address` is replaced as a whole.
 *
 * @example
 * updateClientRequest.parse({ active: false });
 */
export const updateClientRequest = z.object(clientFields).partial();

export type UpdateClientRequest = z.output<typeof updateClientRequest>;

/**
 * @example
 * clientListQuery.parse({ q: 'immo', active: 'true' });
 */
export const clientListQuery = listQuery(['name', 'reference', 'createdAt'] as const, 'name').extend({
  active: booleanQuery.optional(),
});

export type ClientListQuery = z.output<typeof clientListQuery>;

/** @example clientView.shape.enterpriseNumber; */
export const clientView = z.object({
  id: z.uuid(),
  name: z.string(),
  reference: z.string().nullable(),
  /** 10 bare digits. */
  enterpriseNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: addressView,
  active: z.boolean(),
  /** How many sites it has (active or not). */
  siteCount: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type ClientView = z.infer<typeof clientView>;

/** @example clientPage.shape.items; */
export const clientPage = pageOf(clientView);

// --- Sites ----------------------------------------------------------------------------------------

/** The smallest and largest geofence radius, in metres. */
export const GEOFENCE_RADIUS_RANGE = { min: 10, max: 5000 } as const;

const siteFields = {
  clientId: z.uuid(),
  name,
  address: postalAddress,
  latitude: z
    .number()
    .min(-90, 'must be between -90 and 90')
    .max(90, 'must be between -90 and 90')
    .nullable(),
  longitude: z
    .number()
    .min(-180, 'must be between -180 and 180')
    .max(180, 'must be between -180 and 180')
    .nullable(),
  geofenceRadiusMeters: z
    .number()
    .int('must be a whole number of metres')
    .min(GEOFENCE_RADIUS_RANGE.min, `must be at least ${GEOFENCE_RADIUS_RANGE.min} m`)
    .max(GEOFENCE_RADIUS_RANGE.max, `must be at most ${GEOFENCE_RADIUS_RANGE.max} m`),
  /** Checked by the server with `parseWorkDeclarationNumber` (code `WORK_DECLARATION_NUMBER_FORMAT`). */
  workDeclarationNumber: optionalText(30),
  subjectToOnss: z.boolean(),
  costCentre: optionalText(50),
  active: z.boolean(),
};

/**
 * A site. Latitude and longitude come together or not at all (`COORDINATES_INCOMPLETE`); the
 * geofence radius defaults to the company's `defaultGeofenceRadiusMeters`.
 *
 * @example
 * createSiteRequest.parse({ clientId, name: 'Louise 231', latitude: 50.8275, longitude: 4.3653 });
 */
export const createSiteRequest = z.object({
  ...siteFields,
  address: postalAddress.default(postalAddress.parse({})),
  latitude: siteFields.latitude.optional(),
  longitude: siteFields.longitude.optional(),
  geofenceRadiusMeters: siteFields.geofenceRadiusMeters.optional(),
  workDeclarationNumber: siteFields.workDeclarationNumber.optional(),
  subjectToOnss: z.boolean().default(true),
  costCentre: siteFields.costCentre.optional(),
  active: z.boolean().default(true),
});

export type CreateSiteRequest = z.output<typeof createSiteRequest>;

/**
 * Only the fields sent change; `address` is replaced as a whole.
 *
 * @example
 * updateSiteRequest.parse({ geofenceRadiusMeters: 250 });
 */
export const updateSiteRequest = z.object(siteFields).partial();

export type UpdateSiteRequest = z.output<typeof updateSiteRequest>;

/**
 * @example
 * siteListQuery.parse({ clientId, active: 'true', q: 'louise' });
 */
export const siteListQuery = listQuery(['name', 'createdAt'] as const, 'name').extend({
  clientId: z.uuid().optional(),
  active: booleanQuery.optional(),
});

export type SiteListQuery = z.output<typeof siteListQuery>;

/** @example siteView.shape.workDeclarationNumber; */
export const siteView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  name: z.string(),
  address: addressView,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geofenceRadiusMeters: z.number().int(),
  workDeclarationNumber: z.string().nullable(),
  subjectToOnss: z.boolean(),
  costCentre: z.string().nullable(),
  active: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type SiteView = z.infer<typeof siteView>;

/** @example sitePage.shape.items; */
export const sitePage = pageOf(siteView);

// --- Task groups ----------------------------------------------------------------------------------

const taskGroupFields = {
  name,
  description: optionalText(1000),
  active: z.boolean(),
};

/**
 * @example
 * createTaskGroupRequest.parse({ name: 'Offices' });
 */
export const createTaskGroupRequest = z.object({
  name,
  description: taskGroupFields.description.optional(),
  active: z.boolean().default(true),
});

export type CreateTaskGroupRequest = z.output<typeof createTaskGroupRequest>;

/**
 * @example
 * updateTaskGroupRequest.parse({ active: false });
 */
export const updateTaskGroupRequest = z.object(taskGroupFields).partial();

export type UpdateTaskGroupRequest = z.output<typeof updateTaskGroupRequest>;

/**
 * @example
 * taskGroupListQuery.parse({ q: 'off' });
 */
export const taskGroupListQuery = listQuery(['name', 'createdAt'] as const, 'name').extend({
  active: booleanQuery.optional(),
});

export type TaskGroupListQuery = z.output<typeof taskGroupListQuery>;

/** @example taskGroupView.shape.taskCount; */
export const taskGroupView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  taskCount: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type TaskGroupView = z.infer<typeof taskGroupView>;

/** @example taskGroupPage.shape.items; */
export const taskGroupPage = pageOf(taskGroupView);
