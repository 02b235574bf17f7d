import { z } from 'zod';
import { isoInstant, languageSchema, optionalText } from './common.js';

/**
 * Whether the runtime knows an IANA time zone name (`Europe/Brussels`). Offsets such as `+01:00`
 * are refused: they ignore daylight saving time, which Belgian working-time reports depend on.
 *
 * @example
 * isKnownTimeZone('Europe/Brussels'); // true
 * isKnownTimeZone('Mars/Olympus'); // false
 */
export function isKnownTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * @example
 * timeZoneSchema.parse('Europe/Brussels');
 */
export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isKnownTimeZone, { message: 'is not a known IANA time zone (e.g. Europe/Brussels)' });

/**
 * The values a company starts with, and that a missing setting falls back to.
 *
 * @example
 * defaultCompanySettings.defaultGeofenceRadiusMeters; // 150
 */
export const defaultCompanySettings = {
  defaultGeofenceRadiusMeters: 150,
  blockOutsideGeofence: false,
  maxEventAgeDays: 7,
  requireTwoFactorForAdmins: false,
  anomalyThresholds: {} as Record<string, number>,
};

const thresholdName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, 'is a name of letters, digits and _ (e.g. maxBreakMinutes)');

/**
 * The company's settings.
 *
 * @example
 * companySettings.parse({ ...defaultCompanySettings, maxEventAgeDays: 3 });
 */
export const companySettings = z.object({
  /** Radius of a new site's geofence. */
  defaultGeofenceRadiusMeters: z
    .number()
    .int('must be a whole number')
    .min(10, 'must be at least 10 m')
    .max(5000, 'must be at most 5000 m'),
  /** Refuse a registration made outside the site's geofence (otherwise it is flagged). */
  blockOutsideGeofence: z.boolean(),
  /** How old an offline registration may be when it reaches the server. */
  maxEventAgeDays: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1 day')
    .max(30, 'must be at most 30 days'),
  /** Administrators must use two-factor sign-in. */
  requireTwoFactorForAdmins: z.boolean(),
  /** Named limits of the anomaly scans (minutes, metres, counts), all positive. */
  anomalyThresholds: z.record(thresholdName, z.number().positive('must be a positive number')),
});

export type CompanySettings = z.infer<typeof companySettings>;

/**
 * The company as its administrators see it. The company code (the `@COMPANY` of agent logins) is
 * shown but cannot be changed.
 *
 * @example
 * companyView.shape.code;
 */
export const companyView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  /** 10 bare digits. */
  enterpriseNumber: z.string().nullable(),
  onssEmployerNumber: z.string().nullable(),
  timeZone: z.string(),
  defaultLanguage: z.string(),
  settings: companySettings,
  updatedAt: isoInstant,
});

export type CompanyView = z.infer<typeof companyView>;

/**
 * Changing the company: only the fields sent change; within `settings` too, except
 * `anomalyThresholds`, which is replaced as a whole. The enterprise number (checked with
 * `parseEnterpriseNumber`) and the ONSS employer number (`parseOnssEmployerNumber`) are checked by
 * the server, which answers with the parser's code.
 *
 * @example
 * updateCompanyRequest.parse({ name: 'Clean-Up SA', settings: { maxEventAgeDays: 3 } });
 */
export const updateCompanyRequest = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
  enterpriseNumber: optionalText(20).optional(),
  onssEmployerNumber: optionalText(20).optional(),
  timeZone: timeZoneSchema.optional(),
  defaultLanguage: languageSchema.optional(),
  settings: companySettings.partial().optional(),
});

export type UpdateCompanyRequest = z.output<typeof updateCompanyRequest>;
