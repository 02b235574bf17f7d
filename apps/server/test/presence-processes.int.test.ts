import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import {
  findPostgresBinDir,
  startThrowawayCluster,
  templateDatabase,
  type ThrowawayCluster,
} from './support/postgres-cluster.js';
import { openEventStream, type EventStream } from './support/sse-client.js';
import { testConfig } from './support/test-app.js';

const onPostgresRun = inject('databaseKind') === 'postgres';
// Two processes need a real PostgreSQL: the run's own, or a throwaway cluster when the run is on
// PGlite and PostgreSQL is installed.
const binDir = onPostgresRun ? undefined : findPostgresBinDir();

/**
 * Several API processes on one PostgreSQL (docs/scaling.md): two app instances, each with its own
 * pool and event bridge, as two processes would have. A registration taken by one reaches the
 * browsers connected to the other.
 */
describe.runIf(onPostgresRun || binDir)('live board across API processes on one PostgreSQL', () => {
  let cluster: ThrowawayCluster | undefined;
  let url: string;
  let drop: () => Promise<void> = async () => {};
  const instances: { app: FastifyInstance; database: Database; baseUrl: string }[] = [];
  const streams: EventStream[] = [];

  beforeAll(async () => {
    if (onPostgresRun) {
      const adminUrl = inject('postgresAdminUrl');
      const name = `ciao_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name} template ${templateDatabase}`);
      await admin.end();
      const target = new URL(adminUrl);
      target.pathname = `/${name}`;
      url = target.toString();
      drop = async () => {
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {});
        await cleanup.end();
      };
    } else {
      cluster = await startThrowawayCluster(binDir!);
      const admin = new pg.Client({ connectionString: cluster.url('postgres') });
      await admin.connect();
      await admin.query('create database ciao');
      await admin.end();
      url = cluster.url('ciao');
      const migrating = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
      await migrateDatabase(migrating);
      await migrating.close();
    }
    const secretBox = createSecretBox(randomBytes(32));
    for (let index = 0; index < 2; index += 1) {
      const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
      const app = await buildApp({ config: testConfig, database, secretBox, serveFrontEnds: false });
      const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
      instances.push({ app, database, baseUrl });
    }
  });
  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    for (const { app, database } of instances) {
      await app.close();
      await database.close();
    }
    await drop();
    await cluster?.stop();
  });

  const streamOn = async (baseUrl: string, cookie: string) => {
    const stream = await openEventStream(`${baseUrl}/api/presence/stream`, { cookie });
    streams.push(stream);
    await stream.next((event) => event.event === 'ready');
    return stream;
  };

  it('pushes a registration taken by process A to a board connected to process B within a second, once', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const world = await createClockWorld(a.app);
    const { session } = await webSessionFor(a.app, world.tenant.id, 'SUPERVISOR');
    const onB = await streamOn(b.baseUrl, session.cookie);
    const onA = await streamOn(a.baseUrl, session.cookie);

    const sentAt = performance.now();
    expect((await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(1) }))).statusCode).toBe(
      201,
    );
    const reachedB = await onB.next((event) => event.event === 'presence', 1000);
    expect(reachedB.receivedAt - sentAt).toBeLessThan(1000);
    expect(JSON.parse(reachedB.data)).toMatchObject({ agentId: world.agent.id, state: 'WORKING' });
    await onA.next((event) => event.event === 'presence', 1000);

    // B's board reads the same database: the agent is there.
    const board = await b.app.inject({
      method: 'GET',
      url: '/api/presence',
      headers: { cookie: session.cookie },
    });
    expect(board.json().present.map((row: { agent: { id: string } }) => row.agent.id)).toEqual([
      world.agent.id,
    ]);

    // Each process hears the event once: its own is not echoed back, the other's arrives once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onA.events.filter((event) => event.event === 'presence')).toHaveLength(1);
    expect(onB.events.filter((event) => event.event === 'presence')).toHaveLength(1);
  });

  it('listens again when its PostgreSQL connection is cut, tells the boards to resync, and keeps pushing', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const world = await createClockWorld(a.app);
    const { session } = await webSessionFor(a.app, world.tenant.id, 'ADMIN');
    const onB = await streamOn(b.baseUrl, session.cookie);

    // What a PostgreSQL restart does to the LISTEN connections: every one is terminated.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rowCount } = await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'ciao-events' and datname = current_database()",
    );
    await admin.end();
    expect(rowCount).toBe(2);
    await onB.next((event) => event.event === 'resync', 5000);
    // A registration on A (whose connection may still be coming back: what it publishes meanwhile
    // waits in its queue) reaches B.
    const from = onB.events.length;
    expect((await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(0) }))).statusCode).toBe(
      201,
    );
    const pushed = await onB.next((event) => event.event === 'presence', 3000, from);
    expect(JSON.parse(pushed.data)).toMatchObject({ agentId: world.agent.id });
  });
});
