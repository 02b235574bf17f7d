import {
  createSubcontractorRequest,
  subcontractorListQuery,
  subcontractorPage,
  subcontractorView,
  updateSubcontractorRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { createSubcontractor } from './create-subcontractor.js';
import { listSubcontractors } from './list-subcontractors.js';
import { presentSubcontractor } from './subcontractor-presenter.js';
import { updateSubcontractor } from './update-subcontractor.js';

const tags = ['subcontractors'];
const employerRule =
  'Exactly one of enterpriseNumber (Belgian, checked, stored as 10 digits) or foreignVatNumber.';

/** Subcontractor companies: the employer sent to ONSS for the agents they employ. */
export const subcontractorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/subcontractors',
    {
      schema: {
        tags,
        summary: 'Lists subcontractor companies (search on name and numbers, filter, sort, pages)',
        querystring: subcontractorListQuery,
        response: { 200: subcontractorPage },
      },
      config: { access: { capability: 'subcontractors.read' } },
    },
    async (request) => {
      const { rows, total } = await listSubcontractors(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentSubcontractor), total, page, pageSize };
    },
  );

  app.post(
    '/api/subcontractors',
    {
      schema: {
        tags,
        summary: 'Creates a subcontractor company',
        description: employerRule,
        body: createSubcontractorRequest,
        response: { 201: subcontractorView },
      },
      config: { access: { capability: 'subcontractors.write' } },
    },
    async (request, reply) => {
      const created = await createSubcontractor(app.ctx, callerOf(request), request.body);
      return reply.status(201).send(presentSubcontractor(created));
    },
  );

  app.patch(
    '/api/subcontractors/:subcontractorId',
    {
      schema: {
        tags,
        summary: 'Changes a subcontractor company (only the fields sent)',
        description: employerRule,
        params: z.object({ subcontractorId: z.uuid() }),
        body: updateSubcontractorRequest,
        response: { 200: subcontractorView },
      },
      config: { access: { capability: 'subcontractors.write' } },
    },
    async (request) =>
      presentSubcontractor(
        await updateSubcontractor(app.ctx, callerOf(request), request.params.subcontractorId, request.body),
      ),
  );
};
