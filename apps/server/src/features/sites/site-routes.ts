import { createSiteRequest, siteListQuery, sitePage, siteView, updateSiteRequest } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { createSite } from './create-site.js';
import { getSite } from './get-site.js';
import { listSites } from './list-sites.js';
import { presentSite } from './site-presenter.js';
import { updateSite } from './update-site.js';

const tags = ['sites'];
const params = z.object({ siteId: z.uuid() });
const rules =
  'clientId must be a client of the company (CLIENT_NOT_FOUND); latitude and longitude come together ' +
  '(COORDINATES_INCOMPLETE); workDeclarationNumber is 13 letters and digits (WORK_DECLARATION_NUMBER_FORMAT).';

/** Sites: places of work with their geofence and work declaration. */
export const siteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/sites',
    {
      schema: {
        tags,
        summary: 'Lists sites (search on name, address, client, numbers; filters clientId and active; pages)',
        querystring: siteListQuery,
        response: { 200: sitePage },
      },
      config: { access: { capability: 'sites.read' } },
    },
    async (request) => {
      const { rows, total } = await listSites(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentSite), total, page, pageSize };
    },
  );

  app.post(
    '/api/sites',
    {
      schema: {
        tags,
        summary: 'Creates a site',
        description: `${rules} Without geofenceRadiusMeters, the company's default radius.`,
        body: createSiteRequest,
        response: { 201: siteView },
      },
      config: { access: { capability: 'sites.write' } },
    },
    async (request, reply) => {
      const created = await createSite(app.ctx, callerOf(request), request.body);
      return reply.status(201).send(presentSite(created));
    },
  );

  app.get(
    '/api/sites/:siteId',
    {
      schema: { tags, summary: 'One site', params, response: { 200: siteView } },
      config: { access: { capability: 'sites.read' } },
    },
    async (request) => presentSite(await getSite(app.ctx, callerOf(request), request.params.siteId)),
  );

  app.patch(
    '/api/sites/:siteId',
    {
      schema: {
        tags,
        summary: 'Changes a site (only the fields sent; address as a whole)',
        description: rules,
        params,
        body: updateSiteRequest,
        response: { 200: siteView },
      },
      config: { access: { capability: 'sites.write' } },
    },
    async (request) =>
      presentSite(await updateSite(app.ctx, callerOf(request), request.params.siteId, request.body)),
  );
};
