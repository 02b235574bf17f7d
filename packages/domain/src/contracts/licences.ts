import { z } from 'zod';
import { devicePlatform } from './agent-app.js';
import { listQuery, pageOf } from './common.js';

/** The most devices one licence may activate. */
export const LICENCE_MAX_DEVICES = 10_000;

/**
 * `active`, or why the licence no longer activates devices. Expiry and revocation stop new
 * activations; only a revocation with `revokeDevices` also stops the devices already activated.
 *
 * @example
 * licenceStatus.parse('expired');
 */
export const licenceStatus = z.enum(['active', 'expired', 'revoked']);

/**
 * A licence as the back-office lists it: the code itself is never shown again after its creation,
 * only its last characters (`codeHint`).
 *
 * @example
 * licenceSummary.shape.activeDevices;
 */
export const licenceSummary = z.object({
  id: z.uuid(),
  codeHint: z.string(),
  label: z.string().nullable(),
  maxDevices: z.number().int(),
  /** Devices activated with it and not revoked. */
  activeDevices: z.number().int(),
  status: licenceStatus,
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export type LicenceSummary = z.infer<typeof licenceSummary>;

/**
 * The licences: search `q` on the label and the code's last characters; a status filter; newest
 * first unless another sort is asked.
 *
 * @example
 * licenceListQuery.parse({}); // { page: 1, pageSize: 50, sort: 'createdAt', order: 'desc' }
 * licenceListQuery.parse({ q: 'brux', status: 'active', sort: 'expiresAt', order: 'asc' });
 */
export const licenceListQuery = listQuery(
  ['createdAt', 'label', 'expiresAt', 'maxDevices'] as const,
  'createdAt',
).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: licenceStatus.optional(),
});

export type LicenceListQuery = z.output<typeof licenceListQuery>;

/**
 * One page of licences, newest first.
 *
 * @example
 * licencePage.parse({ items: [], total: 0, page: 1, pageSize: 50 });
 */
export const licencePage = pageOf(licenceSummary);

/**
 * A new licence code for the agent app.
 *
 * @example
 * createLicenceRequest.parse({ label: 'Team Brussels', maxDevices: 20, expiresAt: '2027-12-31T23:00:00Z' });
 */
export const createLicenceRequest = z.object({
  label: z.string().trim().min(1, 'is empty: leave it out instead').max(100).optional(),
  maxDevices: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LICENCE_MAX_DEVICES, `must be at most ${LICENCE_MAX_DEVICES}`),
  /** After this instant the code activates no new device. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export type CreateLicenceRequest = z.infer<typeof createLicenceRequest>;

/**
 * The only answer that ever contains the code: show it once, the server keeps only its hash.
 *
 * @example
 * createdLicence.shape.code; // e.g. 'K7QX-M2RP-9HZD'
 */
export const createdLicence = z.object({
  licence: licenceSummary,
  code: z.string(),
});

/**
 * Revoking a licence refuses new activations with its code. With `revokeDevices` (the default) its
 * devices are revoked too and their agents signed out: reinstalling the app then needs a new code.
 * The body is optional.
 *
 * @example
 * revokeLicenceRequest.parse(null); // { revokeDevices: true }
 */
export const revokeLicenceRequest = z
  .object({ revokeDevices: z.boolean().optional() })
  .nullish()
  .transform((body) => ({ revokeDevices: body?.revokeDevices ?? true }));

/**
 * @example
 * revokedLicence.shape.revokedDevices;
 */
export const revokedLicence = z.object({
  licence: licenceSummary,
  /** How many devices this call revoked. */
  revokedDevices: z.number().int(),
});

/**
 * A device activated with a licence code, as the back-office lists it.
 *
 * @example
 * deviceSummary.shape.lastAgent;
 */
export const deviceSummary = z.object({
  id: z.uuid(),
  licence: z.object({ id: z.uuid(), codeHint: z.string(), label: z.string().nullable() }),
  platform: devicePlatform.nullable(),
  appVersion: z.string().nullable(),
  activatedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** The agent who signed in last on it, to recognise whose phone it is. */
  lastAgent: z
    .object({ id: z.uuid(), identifier: z.string(), firstName: z.string(), lastName: z.string() })
    .nullable(),
});

export type DeviceSummary = z.infer<typeof deviceSummary>;

/**
 * One page of devices, most recently activated first.
 *
 * @example
 * devicePage.parse({ items: [], total: 0, page: 1, pageSize: 50 });
 */
export const devicePage = pageOf(deviceSummary);

/** A device is `active` until it is revoked (by itself or with its licence). */
export const deviceStatus = z.enum(['active', 'revoked']);

/**
 * The devices of one licence, or of all the company's licences: search `q` on the app version and
 * on the agents who signed in on the device (identifier or name); filters; most recently activated
 * first unless another sort is asked.
 *
 * @example
 * deviceListQuery.parse({ licenceId: '0b8f2c1e-…', page: '2' });
 * deviceListQuery.parse({ q: 'dupont', status: 'active', platform: 'android', sort: 'lastSeenAt' });
 */
export const deviceListQuery = listQuery(
  ['activatedAt', 'lastSeenAt', 'appVersion', 'platform'] as const,
  'activatedAt',
).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  licenceId: z.uuid().optional(),
  status: deviceStatus.optional(),
  platform: devicePlatform.optional(),
});

export type DeviceListQuery = z.output<typeof deviceListQuery>;
