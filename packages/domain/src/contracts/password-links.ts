import { z } from 'zod';
import { companyCode, webPassword } from './auth.js';

/** Invitation links live a week (an administrator's e-mail may wait over a weekend). */
export const INVITATION_LINK_HOURS = 7 * 24;
/** Password reset links live an hour: the person asked for it a moment ago. */
export const RESET_LINK_HOURS = 1;

export const passwordLinkPurpose = z.enum(['invitation', 'reset']);
export type PasswordLinkPurpose = z.infer<typeof passwordLinkPurpose>;

/**
 * "Forgot password": the company code and the login or e-mail address. The answer is always the
 * same (202), whether or not such an account exists.
 *
 * @example
 * passwordResetRequest.parse({ companyCode: 'demo', login: 'admin' });
 */
export const passwordResetRequest = z.object({
  companyCode,
  login: z.string().trim().min(1, 'is required').max(200),
});

/** The link's token, sent in a body (never in a URL the logs would keep). */
const linkToken = z
  .string()
  .trim()
  .min(20, 'is not a valid link')
  .max(200, 'is not a valid link')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid link');

export const passwordLinkLookupRequest = z.object({ token: linkToken });

/**
 * What the set-password page shows before its form: whose link it is, and whether it still works.
 *
 * @example
 * passwordLinkView.shape.status.options; // ['valid', 'expired', 'used']
 */
export const passwordLinkView = z.object({
  purpose: passwordLinkPurpose,
  status: z.enum(['valid', 'expired', 'used']),
  login: z.string(),
  displayName: z.string(),
  companyCode: z.string(),
  companyName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type PasswordLinkView = z.infer<typeof passwordLinkView>;

/**
 * @example
 * passwordLinkCompletion.parse({ token: 'x'.repeat(43), password: 'a long password' });
 */
export const passwordLinkCompletion = z.object({ token: linkToken, password: webPassword });

/** An administrator's invitation: where it went and until when the link works. */
export const invitationView = z.object({
  sentTo: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof invitationView>;
