import { companyView, updateCompanyRequest } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../http/caller.js';
import { presentCompany } from './company-presenter.js';
import { getCompany } from './get-company.js';
import { updateCompany } from './update-company.js';

const tags = ['company'];

/** The signed-in user's company: identity for ONSS, time zone, language and settings. */
export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/company',
    {
      schema: { tags, summary: 'Your company and its settings', response: { 200: companyView } },
      config: { access: { capability: 'company.read' } },
    },
    async (request) => presentCompany(await getCompany(app.ctx, callerOf(request))),
  );

  app.patch(
    '/api/company',
    {
      schema: {
        tags,
        summary: 'Changes your company (only the fields sent; the company code cannot change)',
        description:
          'enterpriseNumber is checked with the KBO/BCE rule and stored as 10 digits; onssEmployerNumber ' +
          'with the ONSS rule. Within settings, anomalyThresholds is replaced as a whole.',
        body: updateCompanyRequest,
        response: { 200: companyView },
      },
      config: { access: { capability: 'company.write' } },
    },
    async (request) => presentCompany(await updateCompany(app.ctx, callerOf(request), request.body)),
  );
};
