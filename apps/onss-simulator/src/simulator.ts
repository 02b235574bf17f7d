import Fastify, { type FastifyInstance } from 'fastify';
import { adminRoutes } from './admin-routes.js';
import { createShiftableClock, systemClock, type Clock } from './clock.js';
import { FaultState, installFaults } from './faults.js';
import { ClientRegistry, type ClientRegistration } from './oauth/client-registry.js';
import { registerFormParser, tokenRoutes } from './oauth/token-routes.js';
import { TokenStore, UsedJtis } from './oauth/token-store.js';
import { problem, sendProblem } from './problem.js';
import { emptyReferenceData, ReferenceDataStore } from './reference-data.js';
import { readRoutes } from './registrations/read-routes.js';
import { registerRoute } from './registrations/register-route.js';
import { ReceivedLog, RegistrationStore } from './registrations/store.js';
import { scenarioReferenceData, type ScenarioName } from './scenarios.js';
import type { Settings, SimulatorState } from './state.js';
import { PROBLEM_TYPES, TOKEN_PATH } from './wire.js';

export interface SimulatorOptions {
  /** pino log level; `silent` in tests. */
  logLevel?: string;
  /** Time source; tests pass a manual clock (see `createManualClock`). Default: the system clock. */
  clock?: Clock;
  /**
   * Absolute base URL clients are told to use (e.g. `http://127.0.0.1:3900`): its token URL is an
   * accepted assertion `aud`. The URL each request actually reached, and `http://127.0.0.1:<port>`
   * and `http://localhost:<port>` of the listening port, are always accepted too.
   */
  publicBaseUrl?: string;
  /** More token URLs accepted as `aud` (e.g. the production one, to replay a real client's setup). */
  acceptedAudiences?: string[];
  /** Reference data loaded at boot and on reset. Default `demo`; `empty` for none. */
  scenario?: ScenarioName;
  /** Clients registered at boot and on reset. */
  clients?: ClientRegistration[];
  /** Initial settings (see `Settings`); the admin API can change them at run time. */
  settings?: Partial<Settings>;
  /** Random source of the `rate` faults when no seed is set. */
  random?: () => number;
}

export const defaultSettings: Settings = {
  validationDelayMs: 2_000,
  tokenLifetimeSeconds: 3_600,
  declarationChecks: 'register',
  clockToleranceSeconds: 60,
  maxAssertionLifetimeSeconds: 600,
};

/**
 * The ONSS simulator: its own HTTP server speaking the PresenceRegistration contract, used by the
 * demo and by the tests. The server reaches it over real HTTP, exactly as it reaches ONSS.
 *
 * @example
 * const onss = await buildSimulator({ logLevel: 'silent', settings: { validationDelayMs: 0 } });
 * await onss.listen({ port: 0, host: '127.0.0.1' });
 */
export async function buildSimulator(options: SimulatorOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: options.logLevel ?? 'info' } });
  const bootScenario = options.scenario ?? 'demo';
  const configuredAudiences = [...(options.acceptedAudiences ?? [])];
  if (options.publicBaseUrl)
    configuredAudiences.unshift(`${options.publicBaseUrl.replace(/\/+$/, '')}${TOKEN_PATH}`);

  const state: SimulatorState = {
    clock: createShiftableClock(options.clock ?? systemClock),
    settings: { ...defaultSettings, ...options.settings },
    clients: new ClientRegistry(),
    tokens: new TokenStore(),
    usedJtis: new UsedJtis(),
    referenceData: new ReferenceDataStore(),
    registrations: new RegistrationStore(),
    received: new ReceivedLog(),
    faults: new FaultState(options.random),
    configuredAudiences,
    reset: async () => {
      state.clock.resetShift();
      state.settings = { ...defaultSettings, ...options.settings };
      state.clients.clear();
      for (const client of options.clients ?? []) await state.clients.register(client, state.clock.now());
      state.tokens.clear();
      state.usedJtis.clear();
      state.referenceData.replace(
        bootScenario === 'empty' ? emptyReferenceData() : scenarioReferenceData(bootScenario),
      );
      state.registrations.clear();
      state.received.clear();
      state.faults.clear();
    },
  };
  await state.reset();

  registerFormParser(app);
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    if (status === 500) request.log.error({ err: error }, 'unexpected error');
    const type = status === 500 ? PROBLEM_TYPES.internalServerError : PROBLEM_TYPES.badRequest;
    return sendProblem(
      reply,
      problem(status, type, status === 500 ? 'An unexpected error occurred.' : error.message),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(404, PROBLEM_TYPES.resourceNotFound, `No route ${request.method} ${request.url}.`),
    ),
  );

  const faultHooks = installFaults(app, state);
  app.get('/health', async () => ({ status: 'ok', service: 'onss-simulator' }));
  tokenRoutes(app, state);
  registerRoute(app, state, faultHooks);
  readRoutes(app, state);
  adminRoutes(app, state);
  return app;
}
