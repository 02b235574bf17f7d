import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../../src/app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const testConfig: AppConfig = {
  logLevel: (process.env.TEST_LOG_LEVEL as AppConfig['logLevel'] | undefined) ?? 'silent',
  trustProxy: false,
  bodyLimitBytes: 64 * 1024,
  minimumAgentAppVersion: '0.1.0',
  publicUrl: undefined,
};

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real app (the same factory as `main`) on a fresh database. `extend` may add routes before the
 * app is ready, e.g. to exercise the error handler.
 */
export async function createTestApp(
  options: { config?: Partial<AppConfig>; extend?: (app: FastifyInstance) => void | Promise<void> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({ config: { ...testConfig, ...options.config }, database, serveFrontEnds: false });
    await options.extend?.(app);
    await app.ready();
  } catch (error) {
    await app?.close().catch(() => {});
    await database.dispose();
    throw error;
  }
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
