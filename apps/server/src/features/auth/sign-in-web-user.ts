import { can, DomainError, type Role } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { hashPassword, needsRehash, verifyPassword } from '../../security/passwords.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import {
  assertNotThrottled,
  clearAccountThrottle,
  recordFailedAttempt,
  throttleKeys,
} from './login-throttle.js';
import { presentSessionInfo } from './session-info.js';
import { findTenantByCode } from '../tenants/tenant-repository.js';
import { findUserForSignIn, updateUserSignInState } from './web-user-repository.js';
import { insertWebSession, revokeWebSession } from './web-session-repository.js';

// Verifying against this hash when the account does not exist keeps the answer's timing the same:
// the response time must not reveal whether a login exists.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('ciao decoy password, never matches'));

export interface SignInInput {
  companyCode: string;
  login: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
  requestId: string;
  /** The session cookie the browser came with, revoked so a planted session id is never reused. */
  previousSessionIdHash: string | undefined;
}

export interface NewWebSession {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks a back-office sign-in and opens a new session (always a new id: no session fixation). With
 * a second factor, the session stays pending until the TOTP step.
 */
export async function signInWebUser(ctx: AppContext, input: SignInInput) {
  const now = ctx.now();
  const keys = throttleKeys('web', input.companyCode, input.login, input.ip);
  await assertNotThrottled(ctx.db, keys, now);

  const found = await findUserForSignIn(ctx.db, input.companyCode, input.login);
  const passwordOk = await verifyPassword(found?.user.passwordHash ?? (await decoy()), input.password);
  if (!found || !found.user.passwordHash || !passwordOk || !found.user.active) {
    await recordFailedAttempt(ctx.db, keys, now);
    // Attempts on unknown logins are shown to the company too: they are how attacks look.
    const tenant = found?.tenant ?? (await findTenantByCode(ctx.db, input.companyCode));
    await recordAudit(ctx.db, {
      tenantId: tenant?.id ?? null,
      actor: found ? { type: 'user', id: found.user.id } : { type: 'anonymous' },
      action: 'auth.sign_in_failed',
      entityType: 'web_user',
      entityId: found?.user.id,
      after: { companyCode: input.companyCode, login: input.login },
      ip: input.ip,
      requestId: input.requestId,
    });
    throw new DomainError('INVALID_CREDENTIALS', 'The company code, login or password is wrong.');
  }
  const { user, tenant } = found;
  const storedHash = found.user.passwordHash;
  if (tenant.status !== 'active') {
    throw new DomainError(
      'TENANT_SUSPENDED',
      'This company account is suspended. Contact your ciao provider.',
    );
  }
  if (!can(user.role as Role, 'backOffice.access')) {
    await recordAudit(ctx.db, {
      tenantId: tenant.id,
      actor: { type: 'user', id: user.id },
      action: 'auth.sign_in_refused',
      entityType: 'web_user',
      entityId: user.id,
      after: { reason: 'NO_BACK_OFFICE_ACCESS' },
      ip: input.ip,
      requestId: input.requestId,
    });
    throw new DomainError('NO_BACK_OFFICE_ACCESS', 'Your account has no access to the back-office.');
  }

  await clearAccountThrottle(ctx.db, keys);
  if (input.previousSessionIdHash) await revokeWebSession(ctx.db, input.previousSessionIdHash, now);
  const secondFactorPending = user.totpEnabledAt !== null;
  const session = await openWebSession(ctx, {
    tenantId: tenant.id,
    userId: user.id,
    secondFactorPending,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await updateUserSignInState(ctx.db, user.id, {
    updatedAt: user.updatedAt,
    ...(secondFactorPending ? {} : { lastLoginAt: now }),
    ...(needsRehash(storedHash) ? { passwordHash: await hashPassword(input.password) } : {}),
  });
  await recordAudit(ctx.db, {
    tenantId: tenant.id,
    actor: { type: 'user', id: user.id },
    action: secondFactorPending ? 'auth.password_accepted' : 'auth.signed_in',
    entityType: 'web_user',
    entityId: user.id,
    ip: input.ip,
    requestId: input.requestId,
  });
  return secondFactorPending
    ? { status: 'second_factor_required' as const, ...session }
    : { status: 'signed_in' as const, ...session, info: presentSessionInfo(user, tenant) };
}

export async function openWebSession(
  ctx: AppContext,
  input: {
    tenantId: string;
    userId: string;
    secondFactorPending: boolean;
    ip: string;
    userAgent: string | undefined;
  },
): Promise<NewWebSession> {
  const now = ctx.now();
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ctx.sessions.absoluteHours * 3_600_000);
  await insertWebSession(ctx.db, {
    idHash: sha256Hex(sessionToken),
    tenantId: input.tenantId,
    userId: input.userId,
    csrfTokenHash: sha256Hex(csrfToken),
    secondFactorPending: input.secondFactorPending,
    expiresAt,
    now,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { sessionToken, csrfToken, expiresAt };
}
