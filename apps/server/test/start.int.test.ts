import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from './support/postgres-cluster.js';
import { startServerProcess, waitForReady, type ServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const onPostgres = inject('databaseKind') === 'postgres';

// The real entry point, as `npm start` runs it: migrations, demo data, simulator, listen, shutdown.
describe(`starting the server (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-start-'));
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ONSS_SIMULATOR_PORT: String(await freePort()),
      DEMO_DATA: onPostgres ? 'on' : 'auto',
    };
    if (onPostgres) {
      // An empty database of our own; the server migrates it itself.
      database = await createTestDatabase();
      const url = (database.pool as unknown as { options: { connectionString: string } }).options
        .connectionString;
      env.DATABASE_URL = url;
    }
  });

  afterAll(async () => {
    for (const server of running) server.child.kill('SIGKILL');
    await database?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (extra: Record<string, string> = {}) => {
    const server = startServerProcess({ ...env, ...extra });
    running.push(server);
    return server;
  };

  // A real process seeding the demo (argon2 hashes): slow on a busy machine.
  it('starts with demo data, answers ready, and stops cleanly on SIGINT', async () => {
    const server = start();
    await waitForReady(server);
    expect(server.output()).toContain('demo data created');
    expect(server.output()).toContain('TEST@DEMO');
    const ready = await fetch(`http://127.0.0.1:${env.PORT}/health/ready`);
    expect(ready.status).toBe(200);
    const simulator = await fetch(`http://127.0.0.1:${env.ONSS_SIMULATOR_PORT}/health`);
    expect(simulator.status).toBe(200);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    if (!onPostgres) expect(fs.existsSync(path.join(dataDir, 'ciao.lock'))).toBe(false);
  }, 120_000);

  it('keeps the data on a second start', async () => {
    const server = start();
    await waitForReady(server);
    expect(server.output()).not.toContain('demo data created');
    const meta = await fetch(`http://127.0.0.1:${env.PORT}/api/meta`);
    expect(meta.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it.runIf(!onPostgres)(
    'refuses a second process on the same data directory, with a clear message',
    async () => {
      const first = start();
      await waitForReady(first);
      const second = start({ PORT: String(await freePort()), ONSS_SIMULATOR_PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/already used by another ciao process \(pid \d+\)/);
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
    },
  );

  it('stops with a message naming the problem when the port is in use', async () => {
    const first = start();
    await waitForReady(first);
    const second = start({
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-start-other-')),
      ONSS_SIMULATOR_PORT: String(await freePort()),
    });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Port ${env.PORT} is already in use`);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
  });

  it('stops before touching anything when the configuration is bad', async () => {
    const server = start({ LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://nowhere/db' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('LOG_LEVEL must be one of');
    expect(server.output()).toContain('DATABASE_URL must look like postgres://');
  });
});
