import { INVITATION_LINK_HOURS, RESET_LINK_HOURS, type PasswordLinkPurpose } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { enqueueEmail } from '../email/email-outbox-repository.js';
import { renderAccountEmail } from '../email/email-templates.js';
import { expireOpenPasswordTokens, insertPasswordToken } from './password-link-repository.js';

export interface LinkRecipient {
  id: string;
  login: string;
  displayName: string;
  email: string;
  language: string;
}

export interface LinkCompany {
  id: string;
  code: string;
  name: string;
}

/** The back-office page that opens a link, under the public address. */
export function setPasswordUrl(linkBase: string, token: string): string {
  return `${linkBase.replace(/\/+$/, '')}/set-password?token=${encodeURIComponent(token)}`;
}

/**
 * Creates a one-time link (only its SHA-256 is stored) and queues its e-mail, in the caller's
 * transaction: the link and its message exist together or not at all. Older open links of the
 * user stop working. Returns the link itself, which nothing else ever sees again.
 */
export async function issuePasswordLink(
  tx: Db,
  input: {
    company: LinkCompany;
    user: LinkRecipient;
    purpose: PasswordLinkPurpose;
    linkBase: string;
    now: Date;
  },
) {
  const { company, user, purpose, now } = input;
  const token = randomToken();
  const hours = purpose === 'invitation' ? INVITATION_LINK_HOURS : RESET_LINK_HOURS;
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await expireOpenPasswordTokens(tx, company.id, user.id, now);
  const link = await insertPasswordToken(tx, {
    tenantId: company.id,
    userId: user.id,
    purpose,
    tokenHash: sha256Hex(token),
    expiresAt,
    now,
  });
  const url = setPasswordUrl(input.linkBase, token);
  const template = purpose === 'invitation' ? 'invitation' : 'password-reset';
  const rendered = renderAccountEmail(template, user.language, {
    displayName: user.displayName,
    companyName: company.name,
    companyCode: company.code,
    login: user.login,
    link: url,
  });
  await enqueueEmail(tx, {
    tenantId: company.id,
    to: user.email,
    template,
    language: user.language,
    rendered,
    now,
  });
  return { linkId: link.id, url, expiresAt };
}
