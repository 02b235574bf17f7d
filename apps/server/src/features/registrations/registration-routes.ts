import { registrationDetail, registrationListQuery, registrationPage } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { getRegistration } from './get-registration.js';
import { listRegistrations } from './list-registrations.js';
import { presentRegistration } from './registration-presenter.js';

const tags = ['registrations'];
const read = { access: { capability: 'registrations.read' } } as const;

/** The back-office registrations ("pointages"): the filtered list and each one's detail. */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/registrations',
    {
      schema: {
        tags,
        summary: 'Lists the company’s registrations (clock events), newest first',
        description:
          'Filters: from/to (local dates of the company, inclusive), agentId or q (agent identifier ' +
          'or name), siteId, clientId, taskId, groupId, onssStatus, late (synchronised late), outside ' +
          '(outside the geofence), offline (made offline), refused (refused by ONSS), anomaly (has ' +
          'an open anomaly). Sort on deviceTime (default, descending) or receivedAt. The list has ' +
          'no coordinates: they are personal data, given by the detail only. The count stops at ' +
          '10,000 (`totalCapped`).',
        querystring: registrationListQuery,
        response: { 200: registrationPage },
      },
      config: read,
    },
    async (request) => {
      const { rows, total, totalCapped } = await listRegistrations(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentRegistration), total, totalCapped, page, pageSize };
    },
  );

  app.get(
    '/api/registrations/:registrationId',
    {
      schema: {
        tags,
        summary: 'One registration: position against the geofence, times, flags, ONSS status and history',
        params: z.object({ registrationId: z.uuid() }),
        response: { 200: registrationDetail },
      },
      config: read,
    },
    async (request) => getRegistration(app.ctx, callerOf(request), request.params.registrationId),
  );
};
