import {
  acknowledgeAnomalyRequest,
  anomalyListQuery,
  anomalyPage,
  anomalySummary,
  anomalySummaryQuery,
  anomalyView,
  resolveAnomalyRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { acknowledgeAnomaly } from './acknowledge-anomaly.js';
import { presentAnomaly } from './anomaly-presenter.js';
import { getAnomaly } from './get-anomaly.js';
import { listAnomalies } from './list-anomalies.js';
import { resolveAnomaly } from './resolve-anomaly.js';
import { summarizeAnomalies } from './summarize-anomalies.js';

const tags = ['anomalies'];
const params = z.object({ anomalyId: z.uuid() });
const read = { access: { capability: 'anomalies.read' } } as const;
const manage = { access: { capability: 'anomalies.manage' } } as const;

/**
 * Compliance anomalies (missed departure, breaks, no-show, geofence, accuracy, late sync, ONSS):
 * opened by the registration engine and by the scan that runs every minute; acknowledged and
 * resolved by managers.
 */
export const anomalyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/anomalies',
    {
      schema: {
        tags,
        summary: 'Lists the company’s anomalies, newest first (filters, pages)',
        description:
          'Filters: status, type, agentId, siteId, from/to (ISO instants, on the opening time). ' +
          'Anomalies whose cause disappeared are resolved automatically (resolvedAutomatically).',
        querystring: anomalyListQuery,
        response: { 200: anomalyPage },
      },
      config: read,
    },
    async (request) => {
      const { rows, total } = await listAnomalies(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentAnomaly), total, page, pageSize };
    },
  );

  app.get(
    '/api/anomalies/summary',
    {
      schema: {
        tags,
        summary: 'Counts the company’s unresolved anomalies per type, site and agent, and per week',
        description:
          '`unresolved`: open or acknowledged anomalies per type, and the 10 sites and agents with ' +
          'the most. `weekly`: anomalies opened between from and to (default: the last 8 weeks) per ' +
          'ISO week of the company’s time zone and type.',
        querystring: anomalySummaryQuery,
        response: { 200: anomalySummary },
      },
      config: read,
    },
    async (request) => summarizeAnomalies(app.ctx, callerOf(request), request.query),
  );

  app.get(
    '/api/anomalies/:anomalyId',
    {
      schema: { tags, summary: 'One anomaly', params, response: { 200: anomalyView } },
      config: read,
    },
    async (request) => presentAnomaly(await getAnomaly(app.ctx, callerOf(request), request.params.anomalyId)),
  );

  app.post(
    '/api/anomalies/:anomalyId/acknowledge',
    {
      schema: {
        tags,
        summary: 'Marks an anomaly as seen, with an optional comment',
        description:
          'A resolved anomaly cannot be acknowledged (CONFLICT). Acknowledging twice changes nothing.',
        params,
        body: acknowledgeAnomalyRequest.nullish(),
        response: { 200: anomalyView },
      },
      config: manage,
    },
    async (request) =>
      presentAnomaly(
        await acknowledgeAnomaly(app.ctx, callerOf(request), request.params.anomalyId, request.body ?? {}),
      ),
  );

  app.post(
    '/api/anomalies/:anomalyId/resolve',
    {
      schema: {
        tags,
        summary: 'Resolves an anomaly, saying what was done (comment mandatory)',
        description:
          'A resolved cause is never reopened by the scan. A resolved anomaly cannot be resolved again (CONFLICT).',
        params,
        body: resolveAnomalyRequest,
        response: { 200: anomalyView },
      },
      config: manage,
    },
    async (request) =>
      presentAnomaly(
        await resolveAnomaly(app.ctx, callerOf(request), request.params.anomalyId, request.body),
      ),
  );
};
