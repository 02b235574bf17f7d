import {
  DomainError,
  operatorEnrolment,
  operatorPasswordCompletion,
  operatorSession,
  operatorSignInRequest,
  operatorSignInResponse,
  operatorTotpCode,
} from '@ciao/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  operatorCookiePath,
  operatorCsrfCookieName,
  operatorSessionCookieName,
  requireOperator,
} from '../../http/authenticate.js';
import { sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import { completeOperatorSecondFactor, confirmOperatorEnrolment } from './complete-operator-sign-in.js';
import { findOperator, revokeOperatorSession } from './operator-repository.js';
import { presentOperatorSession } from './operator-session.js';
import { setOperatorPassword } from './set-operator-password.js';
import { signInOperator } from './sign-in-operator.js';
import { startOperatorEnrolment } from './start-operator-enrolment.js';

const tags = ['platform'];

function setOperatorCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { sessionToken: string; csrfToken: string; expiresAt: Date },
) {
  const secure = request.server.ctx.sessions.secureCookies || request.protocol === 'https';
  // Strict and scoped to the console's API: the browser never sends it to a tenant route, nor from
  // another site.
  reply.setCookie(operatorSessionCookieName, session.sessionToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: operatorCookiePath,
    expires: session.expiresAt,
  });
  reply.setCookie(operatorCsrfCookieName, session.csrfToken, {
    httpOnly: false,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}

function clearOperatorCookies(reply: FastifyReply) {
  reply.clearCookie(operatorSessionCookieName, { path: operatorCookiePath });
  reply.clearCookie(operatorCsrfCookieName, { path: '/' });
}

const meta = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
  requestId: request.id,
});

/** The operator console's sign-in: password, then the authenticator code (set up at the first sign-in). */
export const operatorAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/platform/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Operator sign-in, password step (two-factor sign-in follows, always)',
        body: operatorSignInRequest,
        response: { 200: operatorSignInResponse },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const cookie = request.cookies[operatorSessionCookieName];
      const result = await signInOperator(app.ctx, {
        ...request.body,
        ...meta(request),
        previousSessionIdHash: cookie ? sha256Hex(cookie) : undefined,
      });
      setOperatorCookies(request, reply, result);
      return { ...result.info, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/platform/auth/second-factor',
    {
      schema: {
        tags,
        summary: 'Operator sign-in, the authenticator code',
        body: operatorTotpCode,
        response: { 200: operatorSignInResponse },
      },
      config: { access: 'operator', operatorStages: ['password'] },
    },
    async (request, reply) => {
      const principal = requireOperator(request);
      if (principal.stage !== 'password')
        throw new DomainError('CONFLICT', 'No code is due: you are signed in.');
      const result = await completeOperatorSecondFactor(app.ctx, {
        operatorId: principal.operatorId,
        sessionIdHash: principal.sessionIdHash,
        code: request.body.code,
        ...meta(request),
      });
      setOperatorCookies(request, reply, result);
      return { ...result.info, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/platform/auth/enrolment',
    {
      schema: {
        tags,
        summary: "First sign-in: the authenticator's secret and its QR code",
        response: { 200: operatorEnrolment },
      },
      config: { access: 'operator', operatorStages: ['enrolment'] },
    },
    async (request) => {
      const principal = requireOperator(request);
      if (principal.stage !== 'enrolment')
        throw new DomainError('CONFLICT', 'Two-factor sign-in is already set up.');
      return startOperatorEnrolment(app.ctx, { operatorId: principal.operatorId, ...meta(request) });
    },
  );

  app.post(
    '/api/platform/auth/enrolment/confirmation',
    {
      schema: {
        tags,
        summary: 'First sign-in: a first code turns two-factor sign-in on and signs in',
        body: operatorTotpCode,
        response: { 200: operatorSignInResponse },
      },
      config: { access: 'operator', operatorStages: ['enrolment'] },
    },
    async (request, reply) => {
      const principal = requireOperator(request);
      if (principal.stage !== 'enrolment')
        throw new DomainError('CONFLICT', 'Two-factor sign-in is already set up.');
      const result = await confirmOperatorEnrolment(app.ctx, {
        operatorId: principal.operatorId,
        sessionIdHash: principal.sessionIdHash,
        code: request.body.code,
        ...meta(request),
      });
      setOperatorCookies(request, reply, result);
      return { ...result.info, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/platform/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in operator and the sign-in step reached',
        response: { 200: operatorSession },
      },
      config: { access: 'operator', operatorStages: ['password', 'enrolment'] },
    },
    async (request) => {
      const principal = requireOperator(request);
      const operator = await findOperator(app.ctx.db, principal.operatorId);
      if (!operator) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Sign in again.');
      return presentOperatorSession(operator, principal.stage);
    },
  );

  app.post(
    '/api/platform/auth/sign-out',
    {
      schema: { tags, summary: "Ends the operator's session", response: { 204: z.null() } },
      config: { access: 'operator', operatorStages: ['password', 'enrolment'] },
    },
    async (request, reply) => {
      const principal = requireOperator(request);
      await revokeOperatorSession(app.ctx.db, principal.sessionIdHash, app.ctx.now());
      await recordAudit(app.ctx.db, {
        tenantId: null,
        actor: { type: 'operator', id: principal.operatorId },
        action: 'operator.signed_out',
        entityType: 'operator',
        entityId: principal.operatorId,
        ip: request.ip,
        requestId: request.id,
      });
      clearOperatorCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/platform/auth/password',
    {
      schema: {
        tags,
        summary: "Sets an operator's password with the one-time link of operator:create",
        body: operatorPasswordCompletion,
        response: { 200: z.object({ email: z.string() }) },
      },
      config: { access: 'public' },
    },
    async (request) =>
      setOperatorPassword(app.ctx, { ...request.body, ip: request.ip, requestId: request.id }),
  );
};
