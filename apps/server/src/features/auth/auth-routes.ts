import {
  DomainError,
  secondFactorRequest,
  sessionInfo,
  webPassword,
  webSignInRequest,
  webSignInResponse,
} from '@ciao/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfCookieName, requireUser, sessionCookieName } from '../../http/authenticate.js';
import { sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import { changeOwnPassword } from './change-own-password.js';
import { completeSecondFactor } from './complete-second-factor.js';
import { confirmSecondFactor } from './confirm-second-factor.js';
import { disableSecondFactor } from './disable-second-factor.js';
import { enrolSecondFactor } from './enrol-second-factor.js';
import { presentSessionInfo } from './session-info.js';
import { signInWebUser } from './sign-in-web-user.js';
import { findUserWithTenant } from './web-user-repository.js';
import { revokeWebSession } from './web-session-repository.js';

const tags = ['auth'];

function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { sessionToken: string; csrfToken: string; expiresAt: Date },
) {
  const secure = request.server.ctx.sessions.secureCookies || request.protocol === 'https';
  reply.setCookie(sessionCookieName, session.sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
  // Double-submit: the page reads this cookie and echoes it in X-CSRF-Token on every mutation.
  reply.setCookie(csrfCookieName, session.csrfToken, {
    httpOnly: false,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}

function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(sessionCookieName, { path: '/' });
  reply.clearCookie(csrfCookieName, { path: '/' });
}

const meta = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
  requestId: request.id,
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Back-office sign-in with company code, login and password',
        description:
          'Opens a session (HttpOnly cookie) and returns the CSRF token to send in X-CSRF-Token on every change. ' +
          'With two-factor sign-in, the session stays pending until POST /api/auth/second-factor.',
        body: webSignInRequest,
        response: { 200: webSignInResponse },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const cookie = request.cookies[sessionCookieName];
      const result = await signInWebUser(app.ctx, {
        ...request.body,
        ...meta(request),
        previousSessionIdHash: cookie ? sha256Hex(cookie) : undefined,
      });
      setSessionCookies(request, reply, result);
      return result.status === 'signed_in'
        ? { status: result.status, csrfToken: result.csrfToken, session: result.info }
        : { status: result.status, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/second-factor',
    {
      schema: {
        tags,
        summary: 'Second step of a two-factor sign-in',
        body: secondFactorRequest,
        response: { 200: webSignInResponse },
      },
      config: { access: 'signedIn', duringSecondFactor: true },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await completeSecondFactor(app.ctx, {
        tenantId: user.tenantId,
        userId: user.userId,
        sessionIdHash: user.sessionIdHash,
        code: request.body.code,
        ...meta(request),
      });
      setSessionCookies(request, reply, result);
      return { status: 'signed_in' as const, csrfToken: result.csrfToken, session: result.info };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: { tags, summary: 'Ends the current session', response: { 204: z.null() } },
      config: { access: 'signedIn', duringSecondFactor: true, duringEnrolment: true },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await revokeWebSession(app.ctx.db, user.sessionIdHash, app.ctx.now());
      await recordAudit(app.ctx.db, {
        tenantId: user.tenantId,
        actor: { type: 'user', id: user.userId },
        action: 'auth.signed_out',
        entityType: 'web_user',
        entityId: user.userId,
        ip: request.ip,
        requestId: request.id,
      });
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user, company and capabilities',
        response: { 200: sessionInfo },
      },
      config: { access: 'signedIn', duringEnrolment: true },
    },
    async (request) => {
      const user = requireUser(request);
      const found = await findUserWithTenant(app.ctx.db, user.tenantId, user.userId);
      if (!found) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
      return presentSessionInfo(found.user, found.tenant);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Changes your own password (ends every session; this browser gets a new one by cookie)',
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: webPassword }),
        response: { 204: z.null() },
      },
      config: { access: 'signedIn' },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const session = await changeOwnPassword(app.ctx, {
        tenantId: user.tenantId,
        userId: user.userId,
        ...request.body,
        ...meta(request),
      });
      setSessionCookies(request, reply, session);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/second-factor/enrolment',
    {
      schema: {
        tags,
        summary: 'Starts setting up two-factor sign-in: a secret and its QR code',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrCodeSvg: z.string() }) },
      },
      config: { access: 'signedIn', duringEnrolment: true },
    },
    async (request) => {
      const user = requireUser(request);
      return enrolSecondFactor(app.ctx, { tenantId: user.tenantId, userId: user.userId, ...meta(request) });
    },
  );

  app.post(
    '/api/auth/second-factor/confirmation',
    {
      schema: {
        tags,
        summary:
          'Turns two-factor sign-in on with a first code; returns single-use recovery codes (shown once)',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'is the 6-digit code of your authenticator app'),
        }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
      config: { access: 'signedIn', duringEnrolment: true },
    },
    async (request) => {
      const user = requireUser(request);
      return confirmSecondFactor(app.ctx, {
        tenantId: user.tenantId,
        userId: user.userId,
        code: request.body.code,
        ...meta(request),
      });
    },
  );

  app.delete(
    '/api/auth/second-factor',
    {
      schema: {
        tags,
        summary: 'Turns your own two-factor sign-in off (refused when your company requires it)',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'is the 6-digit code of your authenticator app'),
        }),
        response: { 204: z.null() },
      },
      config: { access: 'signedIn' },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await disableSecondFactor(app.ctx, {
        tenantId: user.tenantId,
        userId: user.userId,
        code: request.body.code,
        ...meta(request),
      });
      return reply.status(204).send(null);
    },
  );
};
