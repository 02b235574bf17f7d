import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../../src/app.js';
import { createSecretBox } from '../../src/security/secret-box.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const testConfig: AppConfig = {
  logLevel: (process.env.TEST_LOG_LEVEL as AppConfig['logLevel'] | undefined) ?? 'silent',
  trustProxy: false,
  bodyLimitBytes: 1024 * 1024,
  minimumAgentAppVersion: '0.1.0',
  publicUrl: undefined,
  sessions: { idleMinutes: 60, absoluteHours: 12, secureCookies: false },
};

/** A clock the test moves: `clock.advance(ms)`. Starts at the real now. */
export function createTestClock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  clock: ReturnType<typeof createTestClock>;
  close(): Promise<void>;
}

/**
 * The real app (the same factory as `main`) on a fresh database. `extend` may add routes before the
 * app is ready, e.g. to exercise the error handler.
 */
export async function createTestApp(
  options: {
    config?: Partial<AppConfig>;
    extend?: (app: FastifyInstance) => void | Promise<void>;
    metricsToken?: string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = createTestClock();
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({
      config: { ...testConfig, ...options.config },
      database,
      secretBox: createSecretBox(randomBytes(32)),
      now: clock.now,
      serveFrontEnds: false,
      metricsToken: options.metricsToken,
    });
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
    clock,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
