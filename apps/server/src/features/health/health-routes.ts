import { healthLiveResponse, healthReadyResponse } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';

/**
 * Liveness says the process runs; readiness says it can serve (database reachable). A load balancer
 * stops sending traffic while readiness is 503 and resumes when the database is back; readiness is
 * also 503 while the process drains for a shutdown.
 */
export const healthRoutes =
  (database: Database, lifecycle: { draining: boolean } = { draining: false }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health/live',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process is running',
          response: { 200: healthLiveResponse },
        },
        config: { access: 'public' },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/health/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: the server can serve requests (database reachable)',
          response: { 200: healthReadyResponse, 503: healthReadyResponse },
        },
        config: { access: 'public' },
      },
      async (request, reply) => {
        if (lifecycle.draining) {
          // Shutting down: in-flight work finishes here, new work belongs to another process.
          reply.header('Retry-After', '5');
          return reply.status(503).send({ status: 'unavailable', checks: { database: 'ok' } });
        }
        try {
          await database.ping(2000);
          return { status: 'ok' as const, checks: { database: 'ok' as const } };
        } catch (error) {
          request.log.warn({ err: error }, 'readiness check failed');
          reply.header('Retry-After', '5');
          return reply.status(503).send({ status: 'unavailable', checks: { database: 'unavailable' } });
        }
      },
    );
  };
