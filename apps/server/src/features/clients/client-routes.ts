import {
  clientListQuery,
  clientPage,
  clientView,
  createClientRequest,
  updateClientRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { presentClient } from './client-presenter.js';
import { createClient } from './create-client.js';
import { getClient } from './get-client.js';
import { listClients } from './list-clients.js';
import { updateClient } from './update-client.js';

const tags = ['clients'];
const params = z.object({ clientId: z.uuid() });
const identifiers =
  'enterpriseNumber is checked (code of parseEnterpriseNumber, e.g. ENTERPRISE_NUMBER_CHECK_DIGITS) and stored as 10 digits.';

/** Clients ("Tiers"): the principals for whom the cleaning is done. */
export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'Lists clients (search on name, reference, town and numbers; filter; sort; pages)',
        querystring: clientListQuery,
        response: { 200: clientPage },
      },
      config: { access: { capability: 'clients.read' } },
    },
    async (request) => {
      const { rows, total } = await listClients(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentClient), total, page, pageSize };
    },
  );

  app.post(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'Creates a client',
        description: identifiers,
        body: createClientRequest,
        response: { 201: clientView },
      },
      config: { access: { capability: 'clients.write' } },
    },
    async (request, reply) => {
      const created = await createClient(app.ctx, callerOf(request), request.body);
      return reply.status(201).send(presentClient(created));
    },
  );

  app.get(
    '/api/clients/:clientId',
    {
      schema: { tags, summary: 'One client', params, response: { 200: clientView } },
      config: { access: { capability: 'clients.read' } },
    },
    async (request) => presentClient(await getClient(app.ctx, callerOf(request), request.params.clientId)),
  );

  app.patch(
    '/api/clients/:clientId',
    {
      schema: {
        tags,
        summary: 'Changes a client (only the fields sent; address as a whole)',
        description: identifiers,
        params,
        body: updateClientRequest,
        response: { 200: clientView },
      },
      config: { access: { capability: 'clients.write' } },
    },
    async (request) =>
      presentClient(await updateClient(app.ctx, callerOf(request), request.params.clientId, request.body)),
  );
};
