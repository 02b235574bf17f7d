import { DomainError, languageSchema, optionalEmail, userLogin } from '@ciao/domain';
import { recordAudit } from '../audit/audit-repository.js';
import { issuePasswordLink } from '../password-links/issue-password-link.js';
import { insertUser, loginTaken } from '../users/user-repository.js';
import type { PlatformContext } from './platform-context.js';
import { requireTenantByCode } from './require-tenant.js';

export interface InviteAdminInput {
  tenantCode: string;
  login: string;
  name: string;
  email: string;
  language?: string;
  /** Where the link points: PUBLIC_URL of the server. */
  linkBase: string;
}

/**
 * Gets a company's first administrator in: an ADMIN web user without a password, and the invitation
 * e-mail (7 days) to choose one. Returns the link so that the operator can also pass it on directly.
 */
export async function inviteFirstAdmin(ctx: PlatformContext, input: InviteAdminInput) {
  const parsedLogin = userLogin.safeParse(input.login);
  if (!parsedLogin.success) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `login ${parsedLogin.error.issues[0]?.message ?? 'is not valid'}.`,
    );
  }
  const login = parsedLogin.data;
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) {
    throw new DomainError('VALIDATION_FAILED', 'name must be 1 to 200 characters.');
  }
  const email = optionalEmail.safeParse(input.email);
  if (!email.success || !email.data) {
    throw new DomainError('VALIDATION_FAILED', 'email must be an e-mail address such as anne@example.be.');
  }
  const tenant = await requireTenantByCode(ctx.db, input.tenantCode);
  const language = languageSchema.safeParse(input.language ?? tenant.defaultLanguage);
  if (!language.success) throw new DomainError('VALIDATION_FAILED', 'language must be fr, nl, en or de.');
  if (await loginTaken(ctx.db, tenant.id, login)) {
    throw new DomainError('DUPLICATE_LOGIN', `The login ${login} is already used in ${tenant.code}.`);
  }
  const now = ctx.now();
  const address = email.data;
  return ctx.db.transaction(async (tx) => {
    const userId = await insertUser(tx, {
      tenantId: tenant.id,
      login,
      displayName: name,
      email: address,
      language: language.data,
      role: 'ADMIN',
      agentId: null,
      active: true,
      passwordHash: null,
      passwordChangedAt: null,
      now,
    });
    const issued = await issuePasswordLink(tx, {
      company: tenant,
      user: { id: userId, login, displayName: name, email: address, language: language.data },
      purpose: 'invitation',
      linkBase: input.linkBase,
      now,
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: ctx.actor,
      ...ctx.origin,
      action: 'user.invited',
      entityType: 'web_user',
      entityId: userId,
      after: { login, role: 'ADMIN', sentTo: address, expiresAt: issued.expiresAt },
    });
    return { tenant, userId, login, email: address, url: issued.url, expiresAt: issued.expiresAt };
  });
}
