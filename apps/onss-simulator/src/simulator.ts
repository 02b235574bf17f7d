import Fastify, { type FastifyInstance } from 'fastify';

export interface SimulatorOptions {
  /** pino log level; `silent` in tests. */
  logLevel?: string;
}

/**
 * The ONSS simulator: its own HTTP server speaking the PresenceRegistration contract, used by the
 * demo and by the tests. The server reaches it over real HTTP, exactly as it reaches ONSS.
 */
export async function buildSimulator(options: SimulatorOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: options.logLevel ?? 'info' } });
  app.get('/health', async () => ({ status: 'ok', service: 'onss-simulator' }));
  return app;
}
