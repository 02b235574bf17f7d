import {
  platformAnsweredLicenceRequest,
  platformAnswerLicenceRequestBody,
  platformCreateTenantBody,
  platformInviteAdminBody,
  platformInvitedAdmin,
  platformIssuedLicence,
  platformIssueLicenceBody,
  platformLicenceList,
  platformLicenceRequestList,
  platformLicenceRequestQuery,
  platformOutboxPage,
  platformOutboxQuery,
  platformReissuedLicence,
  platformReissueLicenceBody,
  platformTenantList,
  type PlatformTenant,
} from '@ciao/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOperator } from '../../http/authenticate.js';
import { presentPlatformLicenceRequest } from '../licence-requests/licence-request-presenter.js';
import { presentLicence } from '../licences/licence-presenter.js';
import { linkBaseOf } from '../password-links/password-link-routes.js';
import { answerLicenceRequest } from './answer-licence-request.js';
import { createTenant } from './create-tenant.js';
import { inviteFirstAdmin } from './invite-first-admin.js';
import { issueLicence } from './issue-licence.js';
import { listLicenceRequests } from './list-licence-requests.js';
import { listTenantLicences } from './list-tenant-licences.js';
import { listTenants } from './list-tenants.js';
import type { PlatformContext } from './platform-context.js';
import { listOutboxEmails } from './platform-repository.js';
import { reactivateTenant } from './reactivate-tenant.js';
import { reissueLicence } from './reissue-licence.js';
import { suspendTenant } from './suspend-tenant.js';

const tags = ['platform'];
const access = { access: 'operator' } as const;
const tenantParams = z.object({ code: z.string().trim().min(1).max(32) });
const tenantRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), status: z.string() });
const outboxStatuses = new Set(['pending', 'sent', 'failed', 'logged']);

/** The same use-cases as the CLI, acting as the signed-in operator. */
function platformOf(request: FastifyRequest): PlatformContext {
  const operator = requireOperator(request);
  const { db, now } = request.server.ctx;
  return {
    db,
    now,
    actor: { type: 'operator', id: operator.operatorId },
    origin: { ip: request.ip, requestId: request.id },
  };
}

/** The operator console's API: companies, their usage, licence codes, first administrators, requests, e-mails. */
export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/platform/tenants',
    {
      schema: {
        tags,
        summary: 'Every company with its usage this month (one query)',
        response: { 200: platformTenantList },
      },
      config: access,
    },
    async (request) => {
      const rows = await listTenants(platformOf(request));
      return {
        items: rows.map((row) => ({
          ...row,
          status: row.status === 'suspended' ? ('suspended' as const) : ('active' as const),
          createdAt: row.createdAt.toISOString(),
        })) satisfies PlatformTenant[],
      };
    },
  );

  app.post(
    '/api/platform/tenants',
    {
      schema: {
        tags,
        summary: 'Creates a company (code, name, enterprise number, language)',
        body: platformCreateTenantBody,
        response: { 201: tenantRef },
      },
      config: access,
    },
    async (request, reply) => {
      const tenant = await createTenant(platformOf(request), request.body);
      return reply
        .status(201)
        .send({ id: tenant.id, code: tenant.code, name: tenant.name, status: tenant.status });
    },
  );

  app.post(
    '/api/platform/tenants/:code/suspension',
    {
      schema: {
        tags,
        summary: 'Suspends a company: its users and devices are refused, its data kept',
        params: tenantParams,
        response: { 200: tenantRef },
      },
      config: access,
    },
    async (request) => {
      const tenant = await suspendTenant(platformOf(request), request.params.code);
      return { id: tenant.id, code: tenant.code, name: tenant.name, status: tenant.status };
    },
  );

  app.post(
    '/api/platform/tenants/:code/reactivation',
    {
      schema: {
        tags,
        summary: 'Reactivates a suspended company',
        params: tenantParams,
        response: { 200: tenantRef },
      },
      config: access,
    },
    async (request) => {
      const tenant = await reactivateTenant(platformOf(request), request.params.code);
      return { id: tenant.id, code: tenant.code, name: tenant.name, status: tenant.status };
    },
  );

  app.get(
    '/api/platform/tenants/:code/licences',
    {
      schema: {
        tags,
        summary: "A company's licences (never the codes: their last characters) and active devices",
        params: tenantParams,
        response: { 200: platformLicenceList },
      },
      config: access,
    },
    async (request) => {
      const ctx = platformOf(request);
      const found = await listTenantLicences(ctx, request.params.code);
      return { items: found.items.map((row) => presentLicence(row, ctx.now())) };
    },
  );

  app.post(
    '/api/platform/tenants/:code/licences',
    {
      schema: {
        tags,
        summary: 'Issues a licence code (quota, optional last day); the answer shows the code, once',
        params: tenantParams,
        body: platformIssueLicenceBody,
        response: { 201: platformIssuedLicence },
      },
      config: access,
    },
    async (request, reply) => {
      const ctx = platformOf(request);
      const { code, licence } = await issueLicence(ctx, { tenantCode: request.params.code, ...request.body });
      return reply
        .status(201)
        .send({ code, licence: presentLicence({ licence, activeDevices: 0 }, ctx.now()) });
    },
  );

  app.post(
    '/api/platform/tenants/:code/licences/:licenceId/reissue',
    {
      schema: {
        tags,
        summary:
          'Gives a licence a new code (shown once): the old one activates no new device; devices kept unless revokeDevices',
        params: tenantParams.extend({ licenceId: z.uuid() }),
        body: platformReissueLicenceBody,
        response: { 200: platformReissuedLicence },
      },
      config: access,
    },
    async (request) => {
      const ctx = platformOf(request);
      const result = await reissueLicence(ctx, {
        tenantCode: request.params.code,
        licence: request.params.licenceId,
        revokeDevices: request.body.revokeDevices,
      });
      return {
        code: result.code,
        licence: presentLicence(result.licence, ctx.now()),
        revokedDevices: result.revokedDevices,
      };
    },
  );

  app.post(
    '/api/platform/tenants/:code/administrators',
    {
      schema: {
        tags,
        summary: "Creates the company's administrator and e-mails the invitation link (7 days)",
        params: tenantParams,
        body: platformInviteAdminBody,
        response: { 201: platformInvitedAdmin },
      },
      config: access,
    },
    async (request, reply) => {
      const invited = await inviteFirstAdmin(platformOf(request), {
        tenantCode: request.params.code,
        ...request.body,
        linkBase: linkBaseOf(request),
      });
      return reply.status(201).send({
        login: invited.login,
        email: invited.email,
        url: invited.url,
        expiresAt: invited.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/api/platform/licence-requests',
    {
      schema: {
        tags,
        summary: "The companies' requests for a licence code, the open ones first",
        querystring: platformLicenceRequestQuery,
        response: { 200: platformLicenceRequestList },
      },
      config: access,
    },
    async (request) => {
      const rows = await listLicenceRequests(platformOf(request), request.query.status);
      return { items: rows.map(presentPlatformLicenceRequest) };
    },
  );

  app.post(
    '/api/platform/licence-requests/:requestId/answer',
    {
      schema: {
        tags,
        summary:
          "Answers a request: issues a code (shown once) or refuses with a reason; the company's administrators are e-mailed",
        params: z.object({ requestId: z.uuid() }),
        body: platformAnswerLicenceRequestBody,
        response: { 200: platformAnsweredLicenceRequest },
      },
      config: access,
    },
    async (request) => {
      const result = await answerLicenceRequest(platformOf(request), {
        ...request.body,
        requestId: request.params.requestId,
        linkBase: linkBaseOf(request),
      });
      return { request: presentPlatformLicenceRequest(result.request), code: result.code };
    },
  );

  app.get(
    '/api/platform/emails',
    {
      schema: {
        tags,
        summary: 'The e-mail outbox, newest first (without SMTP, the messages are logged and kept here)',
        querystring: platformOutboxQuery,
        response: { 200: platformOutboxPage },
      },
      config: access,
    },
    async (request) => {
      platformOf(request);
      const { page, pageSize } = request.query;
      const found = await listOutboxEmails(app.ctx.db, page, pageSize);
      return {
        items: found.rows.map(({ email, tenantCode }) => ({
          id: email.id,
          tenantCode,
          to: email.toAddress,
          template: email.template,
          language: email.language,
          subject: email.subject,
          textBody: email.textBody,
          status: (outboxStatuses.has(email.status) ? email.status : 'pending') as 'pending',
          attempts: email.attempts,
          lastError: email.lastError,
          createdAt: email.createdAt.toISOString(),
          sentAt: email.sentAt?.toISOString() ?? null,
        })),
        total: found.total,
        page,
        pageSize,
      };
    },
  );
};
