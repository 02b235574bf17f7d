import { askLicenceCodeBody, licenceRequestList, licenceRequestSummary, DomainError } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/authenticate.js';
import { callerOf } from '../../http/caller.js';
import { askLicenceCode } from './ask-licence-code.js';
import { presentLicenceRequest } from './licence-request-presenter.js';
import { findLicenceRequest, listTenantLicenceRequests } from './licence-request-repository.js';

const tags = ['licences'];

/** The company's requests for a new licence code, answered by the ciao operator. */
export const licenceRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/licence-requests',
    {
      schema: {
        tags,
        summary: "The company's requests for a licence code and the operator's answers, newest first",
        response: { 200: licenceRequestList },
      },
      config: { access: { capability: 'licences.read' } },
    },
    async (request) => {
      const user = requireUser(request);
      const rows = await listTenantLicenceRequests(app.ctx.db, user.tenantId);
      return { items: rows.map(presentLicenceRequest) };
    },
  );

  app.post(
    '/api/licence-requests',
    {
      schema: {
        tags,
        summary: 'Asks the ciao operator for a new licence code (a reason and the device quota wanted)',
        body: askLicenceCodeBody,
        response: { 201: licenceRequestSummary },
      },
      config: { access: { capability: 'licences.write' } },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const id = await askLicenceCode(app.ctx, { ...request.body, ...caller });
      const row = await findLicenceRequest(app.ctx.db, id);
      if (!row || row.request.tenantId !== caller.tenantId)
        throw new DomainError('NOT_FOUND', 'Request not found.');
      return reply.status(201).send(presentLicenceRequest(row));
    },
  );
};
