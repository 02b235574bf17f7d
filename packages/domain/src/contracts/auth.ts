import { z } from 'zod';
import { capabilities, roles } from '../permissions/rights-table.js';

/**
 * Web passwords: at least 10 characters (NIST 800-63B favours length over composition rules).
 *
 * @example
 * webPassword.safeParse('short').success; // false
 */
export const WEB_PASSWORD_MIN_LENGTH = 10;
/** Mobile passwords: at least 6 characters, because cleaners type them on phones at 6 a.m. */
export const MOBILE_PASSWORD_MIN_LENGTH = 6;
const PASSWORD_MAX_LENGTH = 200;

/**
 * @example
 * webPassword.parse('correct horse battery');
 */
export const webPassword = z
  .string()
  .min(WEB_PASSWORD_MIN_LENGTH, `must be at least ${WEB_PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/**
 * @example
 * mobilePassword.parse('123456');
 */
export const mobilePassword = z
  .string()
  .min(MOBILE_PASSWORD_MIN_LENGTH, `must be at least ${MOBILE_PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/**
 * A company code such as `DEMO`: letters, digits, dash or underscore.
 *
 * @example
 * companyCode.parse(' demo '); // 'DEMO'
 */
export const companyCode = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may only contain letters, digits, - and _')
  .transform((code) => code.toUpperCase());

/**
 * The back-office sign-in form.
 *
 * @example
 * webSignInRequest.parse({ companyCode: 'DEMO', login: 'admin', password: 'ciao-demo-2026' });
 */
export const webSignInRequest = z.object({
  companyCode,
  login: z.string().trim().min(1, 'is required').max(200),
  // Length rules apply when a password is set, not at sign-in: an old password must still work.
  password: z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH),
});

/** A 6-digit authenticator code, or a recovery code (three groups of four letters and digits). */
export const secondFactorRequest = z.object({
  code: z
    .string()
    .trim()
    .min(6, 'is a 6-digit code or a recovery code')
    .max(20)
    .regex(
      /^(\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4})$/,
      'is a 6-digit code or a recovery code',
    ),
});

export const roleSchema = z.enum(roles);

/**
 * What the back-office knows of the signed-in user: its menus come from `capabilities`.
 *
 * @example
 * sessionInfo.shape.capabilities;
 */
export const sessionInfo = z.object({
  user: z.object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    language: z.string(),
    role: roleSchema,
  }),
  company: z.object({ code: z.string(), name: z.string() }),
  capabilities: z.array(z.enum(capabilities)),
  secondFactor: z.object({
    enabled: z.boolean(),
    /** The company requires it for this user's role and it is not set up yet. */
    enrolmentRequired: z.boolean(),
  }),
});

export type SessionInfo = z.infer<typeof sessionInfo>;

/**
 * @example
 * webSignInResponse.parse({ status: 'second_factor_required', csrfToken: '…' });
 */
export const webSignInResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), csrfToken: z.string(), session: sessionInfo }),
  z.object({ status: z.literal('second_factor_required'), csrfToken: z.string() }),
]);
