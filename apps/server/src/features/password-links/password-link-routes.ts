import {
  passwordLinkCompletion,
  passwordLinkLookupRequest,
  passwordLinkView,
  passwordResetRequest,
} from '@ciao/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { completePasswordLink } from './complete-password-link.js';
import { lookUpPasswordLink } from './look-up-password-link.js';
import { requestPasswordReset } from './request-password-reset.js';

const tags = ['auth'];

/**
 * Where links in e-mails point: PUBLIC_URL, else the address the request came to. Set PUBLIC_URL in
 * production: without it, the Host header of a "forgot password" request chooses the link's host.
 */
export function linkBaseOf(request: FastifyRequest): string {
  return request.server.ctx.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Public routes of one-time links: "forgot password", and setting a password through a link. */
export const passwordLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Forgot password: e-mails a reset link (valid 1 hour) to the account, if it exists',
        description:
          'Always answers 202, whether or not the account exists (no account enumeration). ' +
          'Rate limited per account and per IP (TOO_MANY_ATTEMPTS, 429).',
        body: passwordResetRequest,
        response: { 202: z.object({ accepted: z.literal(true) }) },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      await requestPasswordReset(app.ctx, {
        ...request.body,
        linkBase: linkBaseOf(request),
        ip: request.ip,
        requestId: request.id,
      });
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    '/api/auth/password-link',
    {
      schema: {
        tags,
        summary: 'Tells whose a one-time link is and whether it still works (valid, expired, used)',
        description:
          'The token travels in the body, never in a URL. Unknown token: PASSWORD_LINK_INVALID; ' +
          'repeated unknown tokens from one IP: TOO_MANY_ATTEMPTS (429, Retry-After).',
        body: passwordLinkLookupRequest,
        response: { 200: passwordLinkView },
      },
      config: { access: 'public' },
    },
    async (request) => lookUpPasswordLink(app.ctx, request.body.token, request.ip),
  );

  app.post(
    '/api/auth/password-link/completion',
    {
      schema: {
        tags,
        summary: 'Sets the password through a one-time link (invitation or reset); signs out everywhere',
        description:
          'The link works once (PASSWORD_LINK_USED) and until it expires (PASSWORD_LINK_EXPIRED). ' +
          'The person then signs in with the new password.',
        body: passwordLinkCompletion,
        response: { 204: z.null() },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      await completePasswordLink(app.ctx, { ...request.body, ip: request.ip, requestId: request.id });
      return reply.status(204).send(null);
    },
  );
};
