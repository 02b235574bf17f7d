import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@ciao/domain';
import { clockEventGroupCommit } from '../clock/clock-event-group-commit.js';
import { scrapedGauge } from './metrics.js';
import { readOpenAnomalies, readOutboxDepths } from './metrics-repository.js';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(presented: string, expected: string) {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may scrape: with `METRICS_TOKEN` set, whoever presents it as a bearer token; without it, only
 * this machine (a Prometheus agent or a sidecar beside the server). The figures are not personal,
 * but outbox depths and route timings are nobody else's business.
 */
function mayScrape(request: FastifyRequest, token: string | undefined) {
  if (!token) return loopback.has(request.socket.remoteAddress ?? '');
  const presented = /^Bearer\s+(\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  return presented !== undefined && sameSecret(presented, token);
}

export function metricsRoutes(options: { token: string | undefined }) {
  return async function register(app: FastifyInstance) {
    const { metrics } = app.ctx;
    scrapedGauge(metrics, {
      name: 'ciao_outbox_pending',
      help: 'Rows waiting in an outbox (onss, email, webhooks) by status.',
      labelNames: ['outbox', 'status'],
      read: async () =>
        (await readOutboxDepths(app.ctx.db)).map((row) => ({
          labels: { outbox: row.outbox, status: row.status },
          value: row.count,
        })),
    });
    scrapedGauge(metrics, {
      name: 'ciao_outbox_oldest_due_seconds',
      help: 'How long the oldest due row of an outbox has been waiting, by status.',
      labelNames: ['outbox', 'status'],
      read: async () =>
        (await readOutboxDepths(app.ctx.db)).map((row) => ({
          labels: { outbox: row.outbox, status: row.status },
          value: Math.max(0, row.oldestSeconds),
        })),
    });
    scrapedGauge(metrics, {
      name: 'ciao_anomalies_open',
      help: 'Unresolved anomalies (open or acknowledged) by type, all companies.',
      labelNames: ['type'],
      read: async () =>
        (await readOpenAnomalies(app.ctx.db)).map((row) => ({
          labels: { type: row.type },
          value: row.count,
        })),
    });
    scrapedGauge(metrics, {
      name: 'ciao_live_board_clients',
      help: 'Live presence boards connected to this process (server-sent events).',
      read: async () => [{ value: app.liveBoard.connectedClients() }],
    });
    scrapedGauge(metrics, {
      name: 'ciao_registrations_waiting',
      help: 'Single registrations waiting for, or being written by, a group commit in this process.',
      read: async () => [{ value: clockEventGroupCommit(app.ctx).pending }],
    });

    app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
      if (!mayScrape(request, options.token)) {
        throw new DomainError(
          'FORBIDDEN',
          'Metrics are served to this machine only, or with METRICS_TOKEN as a bearer token.',
        );
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  };
}
