import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServerConfig } from './config.js';
import type { Database } from './db/client.js';
import { AppEvents } from './events/app-events.js';
import { PostgresEventBridge } from './events/postgres-event-bridge.js';
import { administrationRoutes } from './features/administration-routes.js';
import { agentAppRoutes } from './features/agent-auth/agent-app-routes.js';
import { anomalyRoutes } from './features/anomalies/anomaly-routes.js';
import { apiKeyRoutes } from './features/api-keys/api-key-routes.js';
import { publicApiRoutes } from './features/public-api/public-api-routes.js';
import { authRoutes } from './features/auth/auth-routes.js';
import { clockRoutes } from './features/clock/clock-routes.js';
import { healthRoutes } from './features/health/health-routes.js';
import { licenceRoutes } from './features/licences/licence-routes.js';
import { operatorAuthRoutes } from './features/operators/operator-auth-routes.js';
import { platformRoutes } from './features/platform/platform-routes.js';
import { metaRoutes } from './features/meta/meta-routes.js';
import { PresenceHub } from './features/presence/presence-hub.js';
import { presenceRoutes } from './features/presence/presence-routes.js';
import { streamSessionStillAllowed } from './features/presence/stream-session-check.js';
import { passwordLinkRoutes } from './features/password-links/password-link-routes.js';
import { onssConnectionRoutes } from './features/onss-connection/onss-connection-routes.js';
import { workSessionRoutes } from './features/work-sessions/work-session-routes.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { createMetrics } from './features/metrics/metrics.js';
import { metricsRoutes } from './features/metrics/metrics-routes.js';
import { registerRequestMetrics } from './features/metrics/request-metrics.js';
import type { AppContext } from './http/app-context.js';
import { ApiKeyRateLimiter } from './http/api-key-rate-limit.js';
import { apiContractVersion } from './http/api-version.js';
import { registerAuthentication } from './http/authenticate.js';
import { frameworkErrorHandler, registerErrorHandler } from './http/error-handler.js';
import { registerInputGuards } from './http/input-guards.js';
import { trackRouteAccess, type RegisteredRoute } from './http/route-access.js';
import { frontEndDirs, registerStaticApps } from './http/static-apps.js';
import { loggerOptions } from './logger.js';
import type { SecretBox } from './security/secret-box.js';
import { serverVersion } from './version.js';

export type AppConfig = Pick<
  ServerConfig,
  'logLevel' | 'trustProxy' | 'bodyLimitBytes' | 'minimumAgentAppVersion' | 'publicUrl' | 'sessions'
>;

export interface AppDependencies {
  config: AppConfig;
  database: Database;
  secretBox: SecretBox;
  /** The clock; tests pass one they can move. */
  now?: () => Date;
  /** Serve the built front ends (off in API-only tests). */
  serveFrontEnds?: boolean;
  /** Base URL of the ONSS simulator (tenants in the `simulator` environment). */
  onssSimulatorUrl?: string;
  /** The bearer token `/metrics` asks for; without one, only this machine may scrape. */
  metricsToken?: string;
  /** Where background exports write their files; a directory of the system's temp dir by default. */
  exportsDir?: string;
  /** Groups of registrations written at once on PostgreSQL (`CLOCK_WRITE_CONCURRENCY`). */
  clockWriteConcurrency?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
    /** The live board's open streams in this process (for /metrics). */
    liveBoard: { connectedClients(): number };
    /** Called at SIGTERM: readiness answers 503 from now on, so that load balancers stop routing here. */
    beginDraining(): void;
  }
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The one app factory, used identically by `main` and by the tests: routes, schemas, error handling.
 * It does not listen and does not own the database (the caller opens and closes it).
 */
export async function buildApp({
  config,
  database,
  secretBox,
  now = () => new Date(),
  serveFrontEnds = true,
  onssSimulatorUrl = 'http://127.0.0.1:3900',
  metricsToken,
  exportsDir = path.join(os.tmpdir(), `ciao-exports-${process.pid}`),
  clockWriteConcurrency = 2,
}: AppDependencies) {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // Keep a caller's X-Request-Id (a load balancer's) when it is sane, so logs join up across hops.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    routerOptions: { ignoreTrailingSlash: false },
    // Fastify's defaults, relied on by the graceful shutdown: while closing, a request arriving on a
    // kept-alive connection gets a 503 and idle connections are closed; in-flight requests finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('routeRegistry', [] as RegisteredRoute[]);
  const ctx: AppContext = {
    database,
    db: database.db,
    secretBox,
    now,
    sessions: config.sessions,
    events: new AppEvents(),
    publicUrl: config.publicUrl,
    onss: { simulatorUrl: onssSimulatorUrl },
    apiKeyRateLimiter: new ApiKeyRateLimiter(),
    metrics: createMetrics(),
    exportsDir,
    clockWriteConcurrency,
  };
  app.decorate('ctx', ctx);
  trackRouteAccess(app, app.routeRegistry);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  registerSecurityHeaders(app, { httpsPublicUrl: config.sessions.secureCookies });
  registerRequestMetrics(app);

  registerErrorHandler(app);
  registerInputGuards(app);
  await app.register(fastifyCookie);
  registerAuthentication(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ciao API',
        version: apiContractVersion,
        description:
          'ciao (Check In and Out): presence registration for Belgian cleaning companies. Errors are ' +
          'problem+json documents (RFC 9457) with a stable `code`.',
      },
      servers: config.publicUrl ? [{ url: config.publicUrl }] : [],
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API key `ciao_<prefix>_<secret>`, created by an administrator in the back-office (/api-keys).',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );

  const lifecycle = { draining: false };
  app.decorate('beginDraining', () => {
    lifecycle.draining = true;
  });
  await app.register(healthRoutes(database, lifecycle));
  await app.register(
    metaRoutes({
      name: 'ciao',
      version: serverVersion,
      minimumAgentAppVersion: config.minimumAgentAppVersion,
    }),
  );
  // Back-office: sign-in, then administration (users, agents, subcontractors, company, audit).
  await app.register(authRoutes);
  await app.register(passwordLinkRoutes);
  await app.register(administrationRoutes);
  await app.register(metricsRoutes({ token: metricsToken }));
  await app.register(onssConnectionRoutes);
  await app.register(licenceRoutes);
  await app.register(workSessionRoutes);
  await app.register(anomalyRoutes);
  await registerLiveBoard(app as unknown as FastifyInstance, ctx);
  // Agent app (versioned prefix /api/agent/v1): activation, sign-in, tasks, registrations.
  await app.register(agentAppRoutes);
  await app.register(clockRoutes);
  // Public API (versioned prefix /api/v1), opened by the API keys the administrators create.
  await app.register(apiKeyRoutes);
  await app.register(publicApiRoutes);
  await app.register(operatorAuthRoutes);
  await app.register(platformRoutes);

  await registerStaticApps(app, serveFrontEnds ? frontEndDirs : null);

  return app as unknown as FastifyInstance;
}

/**
 * The live board: its routes, its streams (ended before the server closes, or closing would wait
 * for them forever), and on PostgreSQL the bridge that shares events between API processes. PGlite
 * is one process: nothing to share.
 */
async function registerLiveBoard(app: FastifyInstance, ctx: AppContext) {
  const hub = new PresenceHub({
    events: ctx.events,
    stillAllowed: (client) => streamSessionStillAllowed(ctx, client.sessionIdHash),
  });
  app.decorate('liveBoard', { connectedClients: () => hub.connectedClients });
  app.addHook('preClose', async () => hub.close());
  if (ctx.database.kind === 'postgres' && ctx.database.pool) {
    const bridge = new PostgresEventBridge({
      connection: ctx.database.pool.options,
      events: ctx.events,
      logger: app.log,
    });
    await bridge.start();
    app.addHook('onClose', async () => bridge.stop());
  }
  await app.register(presenceRoutes(hub));
}
