import {
  analyticsAnomalies,
  analyticsHours,
  analyticsHoursQuery,
  analyticsOnssOnTime,
  analyticsPlannedVsActual,
  analyticsQuery,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerOf } from '../../http/caller.js';
import { getAnomaliesPerWeek } from './anomalies-per-week.js';
import { getHoursPerWeek } from './hours-per-week.js';
import { getOnssOnTime } from './onss-on-time.js';
import { getPlannedVsActual } from './planned-vs-actual.js';

const tags = ['analytics'];
const read = { access: { capability: 'analytics.read' } } as const;
const period =
  'from/to: local dates of the company, inclusive, at most 371 days; weeks are ISO weeks (Monday ' +
  'first) of the company’s time zone, every week of the period listed. clientId, siteId narrow it.';

/** The analytics screen's aggregates: one statement each, summed by the database. */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/analytics/hours',
    {
      schema: {
        tags,
        summary: 'Hours worked per week and per client, site or agent (top N, the rest as others)',
        description: `${period} groupBy: client, site or agent; top: how many named groups (1–12). Corrected sessions count with their corrected figures.`,
        querystring: analyticsHoursQuery,
        response: { 200: analyticsHours },
      },
      config: read,
    },
    async (request) => getHoursPerWeek(app.ctx, callerOf(request), request.query),
  );

  app.get(
    '/api/analytics/planned-vs-actual',
    {
      schema: {
        tags,
        summary: 'Planned and worked time per week',
        description: `${period} Planned time is that of the timesheets: the weekly slots of the agents’ active tasks.`,
        querystring: analyticsQuery,
        response: { 200: analyticsPlannedVsActual },
      },
      config: read,
    },
    async (request) => getPlannedVsActual(app.ctx, callerOf(request), request.query),
  );

  app.get(
    '/api/analytics/onss-on-time',
    {
      schema: {
        tags,
        summary: 'Share of registrations confirmed by ONSS on time, per week',
        description:
          `${period} On time: accepted by ONSS (registered or validated) at most 5 minutes after the ` +
          'registration time. Not-applicable and cancelled registrations are not counted, nor those ' +
          'less than 5 minutes old.',
        querystring: analyticsQuery,
        response: { 200: analyticsOnssOnTime },
      },
      config: read,
    },
    async (request) => getOnssOnTime(app.ctx, callerOf(request), request.query),
  );

  app.get(
    '/api/analytics/anomalies',
    {
      schema: {
        tags,
        summary: 'Anomalies opened per week and type',
        description: `${period} Counted on the opening time, whatever became of them since.`,
        querystring: analyticsQuery,
        response: { 200: analyticsAnomalies },
      },
      config: read,
    },
    async (request) => getAnomaliesPerWeek(app.ctx, callerOf(request), request.query),
  );
};
