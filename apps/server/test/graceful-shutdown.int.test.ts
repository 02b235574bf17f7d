import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { clockEvents, exportJobs } from '../src/db/schema/index.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { resolveSecretKey } from '../src/security/secret-key.js';
import { startExportWorker } from '../src/jobs/export-worker.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { freePort } from './support/postgres-cluster.js';
import { startServerProcess, waitForReady } from './support/server-process.js';
import { openEventStream } from './support/sse-client.js';
import { createTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { asUser } from './support/web-client.js';

const onPostgres = inject('databaseKind') === 'postgres';
const shutdownTimeoutMs = 20_000;

/** A request on its own connection (no pooled socket that could hide a refused connection). */
function openRequest(port: number, options: http.RequestOptions) {
  const request = http.request({ host: '127.0.0.1', port, agent: false, ...options });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  return { request, answered };
}

// The real entry point stopped by SIGTERM while it works: what was accepted is kept and answered,
// streams end, the listener refuses newcomers, jobs stop, and the process exits 0 in time.
describe(`graceful shutdown (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-shutdown-'));
  let testDatabase: TestDatabase | undefined;
  let env: Record<string, string>;
  let world: Awaited<ReturnType<typeof createClockWorld>>;
  let session: { cookie: string; csrfToken: string };

  const openData = (): Promise<Database> =>
    onPostgres
      ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL!, poolSize: 2 })
      : openDatabase({ kind: 'pglite', dataDir });

  beforeAll(async () => {
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ONSS_SIMULATOR: 'off',
      DEMO_DATA: 'off',
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    };
    if (onPostgres) {
      testDatabase = await createTestDatabase();
      env.DATABASE_URL = (
        testDatabase.pool as unknown as { options: { connectionString: string } }
      ).options.connectionString;
      await testDatabase.close();
    }
    const database = await openData();
    if (!onPostgres) await migrateDatabase(database);
    // The key the server will resolve from DATA_DIR: sessions and tokens made here stay valid there.
    const secretBox = createSecretBox(resolveSecretKey(undefined, dataDir).key);
    const app = await buildApp({ config: testConfig, database, secretBox, serveFrontEnds: false });
    try {
      await app.ready();
      world = await createClockWorld(app, { onssConnection: false });
      ({ session } = await webSessionFor(app, world.tenant.id, 'SUPERVISOR'));
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);

  afterAll(async () => {
    await testDatabase?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes in-flight work, ends streams, refuses newcomers, stops jobs and exits 0', async () => {
    const server = startServerProcess(env);
    try {
      await waitForReady(server);
      const port = Number(env.PORT);
      const base = `http://127.0.0.1:${port}`;

      // A live board client.
      const stream = await openEventStream(`${base}/api/presence/stream`, { cookie: session.cookie });
      await stream.next((event) => event.event === 'ready', 10_000);

      // Export jobs queued just before the signal: the one in hand may finish, none is left half-done.
      for (let index = 0; index < 3; index += 1) {
        const { request, answered } = openRequest(port, {
          method: 'POST',
          path: '/api/export-jobs',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/json',
          },
        });
        request.end(JSON.stringify({ kind: 'registrations', format: 'csv', filters: {} }));
        expect((await answered).status).toBe(202);
      }

      // A batch of 500 registrations, in flight when the signal comes: its headers and half of its
      // body are sent, the rest follows after SIGTERM.
      const events = Array.from({ length: 500 }, (_, index) =>
        world.event(index % 2 === 0 ? 'ARRIVE' : 'LEAVE', { deviceTime: world.minutesAgo(1000 - index) }),
      );
      const body = Buffer.from(JSON.stringify({ events }));
      const batch = openRequest(port, {
        method: 'POST',
        path: '/api/agent/v1/clock-events/batch',
        headers: {
          authorization: world.authorization,
          'content-type': 'application/json',
          'content-length': String(body.length),
          // The server answers "100 Continue" once it has taken the request: then it is in flight.
          expect: '100-continue',
        },
      });
      // Awaited below; should an assertion fail first, its cut connection must not go unhandled.
      batch.answered.catch(() => {});
      const taken = new Promise((resolve) => batch.request.once('continue', resolve));
      batch.request.flushHeaders();
      await taken;
      batch.request.write(body.subarray(0, body.length / 2));
      await new Promise((resolve) => setTimeout(resolve, 200));

      const signalledAt = performance.now();
      server.child.kill('SIGTERM');

      // New connections are refused (the listener is closed) while the batch is still in flight.
      let refused: string | undefined;
      for (let attempt = 0; attempt < 100 && !refused; attempt += 1) {
        const probe = openRequest(port, { method: 'GET', path: '/health/live' });
        probe.request.end();
        try {
          await probe.answered;
          await new Promise((resolve) => setTimeout(resolve, 50));
        } catch (error) {
          // A probe accepted in the instant before the listener closed is reset, not served: the
          // next one must find the port closed.
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ECONNRESET') await new Promise((resolve) => setTimeout(resolve, 50));
          else refused = code;
        }
      }
      expect(refused).toBe('ECONNREFUSED');

      // The live board stream is ended by the server, not left hanging.
      await stream.finished;
      expect(stream.ended).toBe(true);

      batch.request.end(body.subarray(body.length / 2));
      const answer = await batch.answered;
      expect(answer.status, answer.body).toBe(200);
      const results = (JSON.parse(answer.body) as { results: { outcome: string }[] }).results;
      expect(results).toHaveLength(500);
      expect(results.every((result) => result.outcome === 'recorded')).toBe(true);

      expect(await server.exited).toBe(0);
      expect(performance.now() - signalledAt).toBeLessThan(shutdownTimeoutMs);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }

    // Every accepted registration is in the database; no export job was left claimed.
    const database = await openData();
    try {
      const stored = await database.db
        .select({ id: clockEvents.id })
        .from(clockEvents)
        .where(eq(clockEvents.agentId, world.agent.id));
      expect(stored).toHaveLength(500);
      const jobs = await database.db
        .select({ status: exportJobs.status })
        .from(exportJobs)
        .where(eq(exportJobs.tenantId, world.tenant.id));
      expect(jobs).toHaveLength(3);
      expect(jobs.filter((job) => job.status === 'running')).toEqual([]);
    } finally {
      await database.close();
    }
  }, 180_000);

  it('keeps serving through the drain delay with readiness 503, so a load balancer can turn away first', async () => {
    const drainDelayMs = 2_500;
    const server = startServerProcess({ ...env, SHUTDOWN_DRAIN_DELAY_MS: String(drainDelayMs) });
    try {
      await waitForReady(server);
      const port = Number(env.PORT);
      const probe = async (path: string) => {
        const { request, answered } = openRequest(port, { method: 'GET', path });
        request.end();
        return answered.then(
          (answer) => answer.status,
          (error: NodeJS.ErrnoException) => error.code ?? 'error',
        );
      };
      const signalledAt = performance.now();
      server.child.kill('SIGTERM');
      let ready: number | string = 200;
      while (ready === 200) ready = await probe('/health/ready');
      // Draining: not ready for new traffic, yet whatever still comes is served.
      expect(ready).toBe(503);
      expect(await probe('/health/live')).toBe(200);
      let refusedAt: number | undefined;
      while (refusedAt === undefined) {
        const outcome = await probe('/health/live');
        if (outcome === 'ECONNREFUSED') refusedAt = performance.now();
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(refusedAt - signalledAt).toBeGreaterThanOrEqual(drainDelayMs);
      expect(await server.exited).toBe(0);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 60_000);

  it('answers readiness 503 once draining has begun, while the database is fine', async () => {
    const subject = await createTestApp();
    try {
      expect((await subject.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      subject.app.beginDraining();
      const draining = await subject.app.inject({ method: 'GET', url: '/health/ready' });
      expect(draining.statusCode).toBe(503);
      expect(draining.json()).toEqual({ status: 'unavailable', checks: { database: 'ok' } });
      expect(draining.headers['retry-after']).toBe('5');
    } finally {
      await subject.close();
    }
  });

  it('stops the export worker after the job in hand: the queued ones wait for the next start', async () => {
    const subject = await createTestApp();
    try {
      const clockWorld = await createClockWorld(subject.app, { onssConnection: false });
      const { session: supervisor } = await webSessionFor(subject.app, clockWorld.tenant.id, 'SUPERVISOR');
      for (let index = 0; index < 3; index += 1) {
        const created = await asUser(subject.app, supervisor, {
          method: 'POST',
          url: '/api/export-jobs',
          payload: { kind: 'registrations', format: 'csv', filters: {} },
        });
        expect(created.statusCode, created.body).toBe(202);
      }
      // The stop comes as the first job is done, as SIGTERM would in the middle of a pass.
      let stopping: Promise<void> | undefined;
      const firstDone = new Promise<void>((resolve) => {
        const logger = {
          info: (_details: unknown, message?: string) => {
            if (message === 'Export job done' && !stopping) {
              stopping = stop();
              resolve();
            }
          },
          error: () => {},
        };
        const stop = startExportWorker(subject.app.ctx, { logger, intervalMs: 0 });
      });
      await firstDone;
      await stopping;
      const statuses = (
        await subject.app.ctx.db
          .select({ status: exportJobs.status })
          .from(exportJobs)
          .where(eq(exportJobs.tenantId, clockWorld.tenant.id))
      ).map((job) => job.status);
      expect(statuses.sort()).toEqual(['done', 'queued', 'queued']);
    } finally {
      await subject.close();
    }
  });
});
