import { z } from 'zod';
import { parseEnterpriseNumber } from '../identifiers/index.js';
import { companyCode, webPassword } from './auth.js';
import { isoDate, isoInstant, languageSchema, pageOf, pageQuery } from './common.js';
import { licenceDeviceQuota, licenceRequestSummary } from './licence-requests.js';
import { licenceSummary } from './licences.js';

// The operator console (`/api/platform/*`): the platform level above tenants, with its own accounts.

/**
 * @example
 * operatorSignInRequest.parse({ email: 'operator@ciao.demo', password: 'ciao-demo-2026' });
 */
export const operatorSignInRequest = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});

/**
 * A 6-digit authenticator code: operators have no recovery codes (another operator, or the CLI,
 * resets a lost authenticator).
 *
 * @example
 * operatorTotpCode.parse({ code: '123456' });
 */
export const operatorTotpCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'is the 6-digit code of your authenticator app'),
});

/**
 * Where an operator's session stands: the TOTP code is due (`second_factor_required`), the first
 * sign-in must set up the authenticator (`enrolment_required`), or `signed_in`.
 *
 * @example
 * operatorSessionStage.parse('enrolment_required');
 */
export const operatorSessionStage = z.enum(['second_factor_required', 'enrolment_required', 'signed_in']);

export type OperatorSessionStage = z.infer<typeof operatorSessionStage>;

/**
 * @example
 * operatorSession.shape.stage;
 */
export const operatorSession = z.object({
  operator: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
  stage: operatorSessionStage,
});

export type OperatorSession = z.infer<typeof operatorSession>;

/**
 * The answer of each sign-in step: the CSRF token to echo in X-CSRF-Token, and what comes next.
 *
 * @example
 * operatorSignInResponse.shape.csrfToken;
 */
export const operatorSignInResponse = operatorSession.extend({ csrfToken: z.string() });

/**
 * The authenticator to set up at the first sign-in: scan the QR code or type the secret.
 *
 * @example
 * operatorEnrolment.shape.qrCodeSvg;
 */
export const operatorEnrolment = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeSvg: z.string(),
});

/**
 * Sets an operator's password with the one-time link of `operator:create`.
 *
 * @example
 * operatorPasswordCompletion.parse({ token: 'x'.repeat(43), password: 'a long passphrase' });
 */
export const operatorPasswordCompletion = z.object({
  token: z.string().min(20).max(200),
  password: webPassword,
});

/**
 * A company with its usage this month, as the console lists them.
 *
 * @example
 * platformTenant.shape.onssErrorRate;
 */
export const platformTenant = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  status: z.enum(['active', 'suspended']),
  createdAt: isoInstant,
  activeAgents: z.number().int(),
  activeDevices: z.number().int(),
  registrationsThisMonth: z.number().int(),
  /** Refused or given-up among the registrations ONSS answered this month (0 to 1); null when none. */
  onssErrorRate: z.number().nullable(),
  openLicenceRequests: z.number().int(),
});

export type PlatformTenant = z.infer<typeof platformTenant>;

/**
 * @example
 * platformTenantList.parse({ items: [] });
 */
export const platformTenantList = z.object({ items: z.array(platformTenant) });

/**
 * A new company. The enterprise number is checked with its check digits (modulo 97).
 *
 * @example
 * platformCreateTenantBody.parse({ code: 'acme', name: 'ACME Cleaning', enterpriseNumber: '0203.201.340', language: 'nl' });
 */
export const platformCreateTenantBody = z.object({
  code: companyCode,
  name: z.string().trim().min(2, 'must be at least 2 characters').max(200, 'must be at most 200 characters'),
  enterpriseNumber: z
    .string()
    .trim()
    .max(20)
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return;
      const parsed = parseEnterpriseNumber(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
  language: languageSchema.default('fr'),
});

export type PlatformCreateTenantBody = z.input<typeof platformCreateTenantBody>;

/**
 * A licence code for a company: the device quota, and optionally the last day it activates devices.
 *
 * @example
 * platformIssueLicenceBody.parse({ maxDevices: 25, expires: '2027-12-31', label: 'Liège' });
 */
export const platformIssueLicenceBody = z.object({
  maxDevices: licenceDeviceQuota,
  expires: isoDate.optional(),
  label: z.string().trim().min(1).max(100).optional(),
});

/**
 * The only answers that contain a licence code: show it once, the server keeps only its hash.
 *
 * @example
 * platformIssuedLicence.shape.code;
 */
export const platformIssuedLicence = z.object({ code: z.string(), licence: licenceSummary });

/**
 * A company's licences as the operator sees them.
 *
 * @example
 * platformLicenceList.parse({ items: [] });
 */
export const platformLicenceList = z.object({ items: z.array(licenceSummary) });

/**
 * Re-issuing replaces a licence's code: the old code activates no new device. The devices already
 * activated keep working unless `revokeDevices` is asked, which signs their agents out.
 *
 * @example
 * platformReissueLicenceBody.parse({ revokeDevices: false });
 */
export const platformReissueLicenceBody = z.object({ revokeDevices: z.boolean().default(false) });

/**
 * @example
 * platformReissuedLicence.shape.revokedDevices;
 */
export const platformReissuedLicence = platformIssuedLicence.extend({ revokedDevices: z.number().int() });

/**
 * The company's first administrator: created without a password, invited by e-mail (7 days).
 *
 * @example
 * platformInviteAdminBody.parse({ login: 'admin', name: 'Anne Dupont', email: 'anne@acme.be' });
 */
export const platformInviteAdminBody = z.object({
  login: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.email('must be an e-mail address such as anne@example.be').max(254),
  language: languageSchema.optional(),
});

/**
 * @example
 * platformInvitedAdmin.shape.url;
 */
export const platformInvitedAdmin = z.object({
  login: z.string(),
  email: z.string(),
  /** The invitation link, also e-mailed: the operator may pass it on directly. */
  url: z.string(),
  expiresAt: isoInstant,
});

/**
 * A company's request for a licence code, with the company it comes from.
 *
 * @example
 * platformLicenceRequest.shape.tenant;
 */
export const platformLicenceRequest = licenceRequestSummary.extend({
  tenant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
});

export type PlatformLicenceRequest = z.infer<typeof platformLicenceRequest>;

/**
 * @example
 * platformLicenceRequestQuery.parse({ status: 'open' });
 */
export const platformLicenceRequestQuery = z.object({
  status: z.enum(['open', 'answered', 'refused']).optional(),
});

/**
 * @example
 * platformLicenceRequestList.parse({ items: [] });
 */
export const platformLicenceRequestList = z.object({ items: z.array(platformLicenceRequest) });

/**
 * The operator's answer: issue a code for the request (the quota asked unless another is given),
 * or refuse it with the reason the company will read.
 *
 * @example
 * platformAnswerLicenceRequestBody.parse({ decision: 'refuse', reason: 'Your current code still has room.' });
 * platformAnswerLicenceRequestBody.parse({ decision: 'issue', maxDevices: 20, note: 'Code sent by phone.' });
 */
export const platformAnswerLicenceRequestBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('issue'),
    maxDevices: licenceDeviceQuota.optional(),
    expires: isoDate.optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({
    decision: z.literal('refuse'),
    reason: z.string().trim().min(3, 'must be at least 3 characters').max(1000),
  }),
]);

export type PlatformAnswerLicenceRequestBody = z.infer<typeof platformAnswerLicenceRequestBody>;

/**
 * The answered request, and the code when one was issued (shown once).
 *
 * @example
 * platformAnsweredLicenceRequest.shape.code;
 */
export const platformAnsweredLicenceRequest = z.object({
  request: platformLicenceRequest,
  code: z.string().nullable(),
});

/**
 * One message of the e-mail outbox: sent, waiting, failed, or logged (no SMTP server configured).
 *
 * @example
 * platformOutboxEmail.shape.textBody;
 */
export const platformOutboxEmail = z.object({
  id: z.uuid(),
  tenantCode: z.string().nullable(),
  to: z.string(),
  template: z.string(),
  language: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'logged']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: isoInstant,
  sentAt: isoInstant.nullable(),
});

/**
 * @example
 * platformOutboxQuery.parse({ page: '2' });
 */
export const platformOutboxQuery = pageQuery;

/**
 * @example
 * platformOutboxPage.parse({ items: [], total: 0, page: 1, pageSize: 50 });
 */
export const platformOutboxPage = pageOf(platformOutboxEmail);
