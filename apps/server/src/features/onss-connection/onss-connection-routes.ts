import { onssConnectionTestResult, onssConnectionView, updateOnssConnectionRequest } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../http/caller.js';
import { findOnssConnection } from '../../onss/tenant-onss-client.js';
import { presentOnssConnection } from './onss-connection-presenter.js';
import { testOnssConnection } from './test-onss-connection.js';
import { updateOnssConnection } from './update-onss-connection.js';

const tags = ['company'];

/** The company's connection to ONSS PresenceRegistration (client id, private key, environment). */
export const onssConnectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/company/onss-connection',
    {
      schema: {
        tags,
        summary: 'Your company’s ONSS connection (never the key)',
        response: { 200: onssConnectionView },
      },
      config: { access: { capability: 'company.read' } },
    },
    async (request) =>
      presentOnssConnection(await findOnssConnection(app.ctx.db, callerOf(request).tenantId)),
  );

  app.put(
    '/api/company/onss-connection',
    {
      schema: {
        tags,
        summary: 'Sets your company’s ONSS connection',
        description:
          'The client id and RSA private key of the REST channel activated in Chaman. The key is checked, ' +
          'stored encrypted and never returned; leave privateKeyPem out to keep the stored one.',
        body: updateOnssConnectionRequest,
        response: { 200: onssConnectionView },
      },
      config: { access: { capability: 'company.write' } },
    },
    async (request) =>
      presentOnssConnection(await updateOnssConnection(app.ctx, callerOf(request), request.body)),
  );

  app.post(
    '/api/company/onss-connection/test',
    {
      schema: {
        tags,
        summary: 'Tests the ONSS connection by fetching a token',
        response: { 200: onssConnectionTestResult },
      },
      config: { access: { capability: 'company.write' } },
    },
    async (request) => testOnssConnection(app.ctx, callerOf(request)),
  );
};
