import { timesheetPage, timesheetQuery } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../http/caller.js';
import { listTimesheets } from './list-timesheets.js';

/** Timesheets: the agents' days summed by the database, for the weekly and monthly views. */
export const timesheetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/timesheets',
    {
      schema: {
        tags: ['work sessions'],
        summary: 'Per agent and day: arrival, departure, worked, break and planned time, corrections marked',
        description:
          'from/to: local dates of the company, inclusive, at most 62 days. agentId, siteId narrow ' +
          'it. Paged on agents (by name); each agent lists the days with work or planned time and ' +
          'the totals. Corrected sessions count with their corrected figures (`corrected: true`).',
        querystring: timesheetQuery,
        response: { 200: timesheetPage },
      },
      config: { access: { capability: 'workSessions.read' } },
    },
    async (request) => listTimesheets(app.ctx, callerOf(request), request.query),
  );
};
