import { can, DomainError, isAgentActiveOn, localDate, type Role } from '@ciao/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  findAgentToken,
  findDeviceByToken,
  touchAgentToken,
} from '../features/agent-auth/agent-token-repository.js';
import {
  findWebSession,
  revokeWebSession,
  touchWebSession,
} from '../features/auth/web-session-repository.js';
import { findApiKeyByPrefix, touchApiKey } from '../features/api-keys/api-key-repository.js';
import {
  findOperatorSession,
  revokeOperatorSession,
  touchOperatorSession,
} from '../features/operators/operator-repository.js';
import { apiKeyPrefix, hashApiKey } from '../features/api-keys/api-key-secret.js';
import { constantTimeEqual, sha256Hex } from '../security/tokens.js';
import type { RouteAccess } from './route-access.js';
import type { Principal } from './principal.js';

export const sessionCookieName = 'ciao_session';
export const csrfCookieName = 'ciao_csrf';
export const csrfHeaderName = 'x-csrf-token';
/** The operator console's cookies: other names, and the session one only sent to /api/platform. */
export const operatorSessionCookieName = 'ciao_operator_session';
export const operatorCsrfCookieName = 'ciao_operator_csrf';
export const operatorCookiePath = '/api/platform';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Seen-at is refreshed at most once a minute: enough for idle timeouts, few writes.
const TOUCH_EVERY_MS = 60_000;

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{20,200})$/.exec(header);
  return match?.[1];
}

function tenantMustBeActive(status: string) {
  if (status !== 'active') {
    throw new DomainError(
      'TENANT_SUSPENDED',
      'This company account is suspended. Its data is kept; contact your ciao provider to reactivate it.',
    );
  }
}

async function authenticateUser(
  app: FastifyInstance,
  request: FastifyRequest,
  access: RouteAccess,
): Promise<Principal> {
  const { db, now: clock, sessions } = app.ctx;
  const cookie = request.cookies[sessionCookieName];
  if (!cookie) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
  const idHash = sha256Hex(cookie);
  const found = await findWebSession(db, idHash);
  const now = clock();
  if (!found) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  const { session, user, tenant } = found;
  const idleLimit = session.lastSeenAt.getTime() + sessions.idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime() || !user.active) {
    await revokeWebSession(db, idHash, now);
    throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  }
  tenantMustBeActive(tenant.status);
  const role = user.role as Role;
  if (!can(role, 'backOffice.access')) {
    throw new DomainError('NO_BACK_OFFICE_ACCESS', 'Your account has no access to the back-office.');
  }
  const config = request.routeOptions.config;
  if (session.secondFactorPending && !config.duringSecondFactor) {
    throw new DomainError(
      'SECOND_FACTOR_REQUIRED',
      'Enter the code of your authenticator app to finish signing in.',
    );
  }
  const mustEnrol =
    role === 'ADMIN' && tenant.settings.requireTwoFactorForAdmins === true && !user.totpEnabledAt;
  if (mustEnrol && !session.secondFactorPending && !config.duringEnrolment) {
    throw new DomainError(
      'SECOND_FACTOR_ENROLMENT_REQUIRED',
      'Your company requires administrators to use two-factor sign-in: set it up before continuing.',
    );
  }
  if (!safeMethods.has(request.method)) {
    const given = request.headers[csrfHeaderName];
    if (typeof given !== 'string' || !constantTimeEqual(sha256Hex(given), session.csrfTokenHash)) {
      throw new DomainError(
        'CSRF_TOKEN_INVALID',
        'The security token of this page is missing or outdated. Reload the page.',
      );
    }
  }
  if (typeof access === 'object' && 'apiScope' in access) {
    throw new DomainError('API_KEY_INVALID', 'This route takes an API key, not a session.');
  }
  if (typeof access === 'object' && !can(role, access.capability)) {
    throw new DomainError('FORBIDDEN', 'Your role does not allow this.');
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchWebSession(db, idHash, now);
  return {
    kind: 'user',
    tenantId: tenant.id,
    tenantCode: tenant.code,
    userId: user.id,
    role,
    sessionIdHash: idHash,
  };
}

async function authenticateDevice(app: FastifyInstance, request: FastifyRequest): Promise<Principal> {
  const token = bearerToken(request);
  if (!token)
    throw new DomainError(
      'DEVICE_NOT_ACTIVATED',
      'This device is not activated: enter the licence code first.',
    );
  const found = await findDeviceByToken(app.ctx.db, sha256Hex(token));
  if (!found)
    throw new DomainError(
      'DEVICE_NOT_ACTIVATED',
      'This device is not activated: enter the licence code first.',
    );
  if (found.device.revokedAt) {
    throw new DomainError(
      'DEVICE_REVOKED',
      'This device has been revoked by your company. Activate it again with a licence code.',
    );
  }
  tenantMustBeActive(found.tenant.status);
  return {
    kind: 'device',
    tenantId: found.tenant.id,
    tenantCode: found.tenant.code,
    deviceId: found.device.id,
  };
}

async function authenticateAgent(app: FastifyInstance, request: FastifyRequest): Promise<Principal> {
  const token = bearerToken(request);
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
  const found = await findAgentToken(app.ctx.db, sha256Hex(token));
  if (!found) throw new DomainError('TOKEN_INVALID', 'You have been signed out. Sign in again.');
  // The device first: revoking a device also revokes its tokens, and the app must learn that it
  // needs a licence code again, not merely a new sign-in.
  if (found.device.revokedAt) {
    throw new DomainError(
      'DEVICE_REVOKED',
      'This device has been revoked by your company. Activate it again with a licence code.',
    );
  }
  if (found.token.revokedAt)
    throw new DomainError('TOKEN_INVALID', 'You have been signed out. Sign in again.');
  tenantMustBeActive(found.tenant.status);
  // Active dates count as well as the flag: an agent past the end of the contract is inactive that
  // very day, in the company's time zone, without waiting for anyone to untick a box.
  const today = localDate(app.ctx.now(), found.tenant.timeZone);
  if (!isAgentActiveOn(found.agent, today))
    throw new DomainError('AGENT_INACTIVE', 'Your agent account is inactive. Contact your manager.');
  if (!found.agent.mobileAccess) {
    throw new DomainError(
      'AGENT_NO_APP_ACCESS',
      'Your agent account has no access to the agent app. Contact your manager.',
    );
  }
  // Last use is kept to the minute: writing it on every registration would double the writes of
  // the hottest route for a figure nobody reads to the second.
  const now = app.ctx.now();
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchAgentToken(app.ctx.db, found.token.id, found.device.id, now);
  }
  return {
    kind: 'agent',
    tenantId: found.tenant.id,
    tenantCode: found.tenant.code,
    agentId: found.agent.id,
    deviceId: found.device.id,
    tokenId: found.token.id,
  };
}

const apiKeyRefused = 'Send a valid API key: `Authorization: Bearer ciao_…` (created in the back-office).';

/**
 * An API key of the public API: well-formed, known, not revoked nor expired, of an active company,
 * with the route's scope (`write` implies `read`), and within its rate limit.
 */
async function authenticateApiKey(
  app: FastifyInstance,
  request: FastifyRequest,
  scope: 'read' | 'write',
): Promise<Principal> {
  const header = request.headers.authorization;
  const presented = header ? /^Bearer\s+(\S+)$/.exec(header)?.[1] : undefined;
  const prefix = presented ? apiKeyPrefix(presented) : undefined;
  if (!presented || !prefix) throw new DomainError('API_KEY_INVALID', apiKeyRefused);
  const found = await findApiKeyByPrefix(app.ctx.db, prefix);
  if (!found || !constantTimeEqual(found.key.keyHash, hashApiKey(presented))) {
    throw new DomainError('API_KEY_INVALID', apiKeyRefused);
  }
  const { key, tenant } = found;
  const now = app.ctx.now();
  if (key.revokedAt) throw new DomainError('API_KEY_REVOKED', 'This API key has been revoked.');
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      'API_KEY_EXPIRED',
      'This API key has expired: create a new one in the back-office.',
    );
  }
  tenantMustBeActive(tenant.status);
  if (!key.scopes.includes(scope) && !(scope === 'read' && key.scopes.includes('write'))) {
    throw new DomainError('API_SCOPE_MISSING', `This API key lacks the \`${scope}\` scope.`);
  }
  app.ctx.apiKeyRateLimiter.take(key.id, now);
  // Last use is kept to the minute: one write per request would double the load of a sync.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchApiKey(app.ctx.db, key.id, now);
  }
  return {
    kind: 'apiKey',
    tenantId: tenant.id,
    tenantCode: tenant.code,
    apiKeyId: key.id,
    scopes: key.scopes,
  };
}

/**
 * An operator of the console: the operator session cookie (never a tenant's session, never a token),
 * CSRF on changes, and the second factor done unless the route serves a sign-in step.
 */
async function authenticateOperator(app: FastifyInstance, request: FastifyRequest): Promise<Principal> {
  const { db, now: clock, sessions } = app.ctx;
  const cookie = request.cookies[operatorSessionCookieName];
  if (!cookie) throw new DomainError('UNAUTHENTICATED', 'Sign in to the operator console to continue.');
  const idHash = sha256Hex(cookie);
  const found = await findOperatorSession(db, idHash);
  const now = clock();
  if (!found) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  const { session, operator } = found;
  const idleLimit = session.lastSeenAt.getTime() + sessions.idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime() || !operator.active) {
    await revokeOperatorSession(db, idHash, now);
    throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
  }
  const stage = session.stage as 'password' | 'enrolment' | 'signed_in';
  const allowed = request.routeOptions.config.operatorStages ?? [];
  if (stage === 'password' && !allowed.includes('password')) {
    throw new DomainError(
      'SECOND_FACTOR_REQUIRED',
      'Enter the code of your authenticator app to finish signing in.',
    );
  }
  if (stage === 'enrolment' && !allowed.includes('enrolment')) {
    throw new DomainError(
      'SECOND_FACTOR_ENROLMENT_REQUIRED',
      'Operators must use two-factor sign-in: set up your authenticator app first.',
    );
  }
  if (!safeMethods.has(request.method)) {
    const given = request.headers[csrfHeaderName];
    if (typeof given !== 'string' || !constantTimeEqual(sha256Hex(given), session.csrfTokenHash)) {
      throw new DomainError(
        'CSRF_TOKEN_INVALID',
        'The security token of this page is missing or outdated. Reload the page.',
      );
    }
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await touchOperatorSession(db, idHash, now);
  return { kind: 'operator', operatorId: operator.id, sessionIdHash: idHash, stage };
}

/**
 * Establishes `request.principal` from the route's access rule before anything else runs: the
 * session cookie (with CSRF on mutations), a device token or an agent token. The tenant comes only
 * from there, never from the request.
 */
export function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (access === 'device') request.principal = await authenticateDevice(app, request);
    else if (access === 'agent') request.principal = await authenticateAgent(app, request);
    else if (access === 'operator') request.principal = await authenticateOperator(app, request);
    else if (typeof access === 'object' && 'apiScope' in access)
      request.principal = await authenticateApiKey(app, request, access.apiScope);
    else request.principal = await authenticateUser(app, request, access);
  });
}

/** The signed-in web user of a route whose access requires one. */
export function requireUser(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  if (request.principal?.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.principal;
}

/** The operator of a console route (`access: 'operator'`). */
export function requireOperator(request: FastifyRequest): Extract<Principal, { kind: 'operator' }> {
  if (request.principal?.kind !== 'operator')
    throw new DomainError('UNAUTHENTICATED', 'Sign in to the operator console to continue.');
  return request.principal;
}

export function requireApiKey(request: FastifyRequest): Extract<Principal, { kind: 'apiKey' }> {
  if (request.principal?.kind !== 'apiKey') throw new DomainError('API_KEY_INVALID', apiKeyRefused);
  return request.principal;
}

export function requireAgent(request: FastifyRequest): Extract<Principal, { kind: 'agent' }> {
  if (request.principal?.kind !== 'agent') throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.principal;
}

export function requireDevice(request: FastifyRequest): Extract<Principal, { kind: 'device' }> {
  if (request.principal?.kind !== 'device')
    throw new DomainError('DEVICE_NOT_ACTIVATED', 'This device is not activated.');
  return request.principal;
}
