import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { buildApp, type AppConfig } from '../../../apps/server/src/app.js';
import { openDatabase } from '../../../apps/server/src/db/client.js';
import { migrateDatabase } from '../../../apps/server/src/db/migrate.js';
import { createOnssOutbox } from '../../../apps/server/src/jobs/onss-outbox-worker.js';
import { readRsaPrivateKey } from '../../../apps/server/src/onss/tenant-onss-client.js';
import { createSecretBox } from '../../../apps/server/src/security/secret-box.js';
import {
  startTestSimulator,
  type SimulatorClient,
} from '../../../apps/server/test/support/onss-simulator.js';
import { clockWorldDeclaration } from '../../../apps/server/test/support/onss-world.js';
import {
  findPostgresBinDir,
  startThrowawayCluster,
} from '../../../apps/server/test/support/postgres-cluster.js';
import type { ScenarioResult } from '../report.js';
import { percentile, seed, startServer } from './ingestion.js';

const serverMain = path.resolve(import.meta.dirname, '../../../apps/server/dist/main.js');
// The key the spawned server reads from SECRET_KEY; the bench seals the ONSS private keys with it.
const SECRET_KEY = 'a'.repeat(64);
const secretBox = createSecretBox(Buffer.from(SECRET_KEY, 'hex'));
const appConfig: AppConfig = {
  logLevel: 'silent',
  trustProxy: false,
  bodyLimitBytes: 1024 * 1024,
  minimumAgentAppVersion: '0.1.0',
  publicUrl: undefined,
  sessions: { idleMinutes: 60, absoluteHours: 12, secureCookies: false },
};
const unsentStatuses = `('to_send', 'sending', 'send_failing')`;

export async function createDatabase(cluster: { url(name: string): string }, name: string) {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = cluster.url(name);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  await migrateDatabase(database);
  await database.close();
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return { url, client };
}

/** Registers the company as an ONSS client of the simulator and stores its key sealed, as the PUT route does. */
export async function connect(
  client: pg.Client,
  simulator: SimulatorClient,
  tenantId: string,
  clientId: string,
) {
  const keys = await simulator.registerClient(clientId);
  const { pkcs8Pem, fingerprint } = await readRsaPrivateKey(keys.privateKeyPem);
  await client.query(
    `update onss_connections set environment = 'simulator', client_id = $2, private_key_encrypted = $3, public_key_fingerprint = $4 where tenant_id = $1`,
    [tenantId, clientId, secretBox.seal(pkcs8Pem), fingerprint],
  );
}

/** `count` registrations waiting in the outbox, one second apart from `from`, as the clock flow writes them. */
async function fillOutbox(
  client: pg.Client,
  world: { tenantId: string; siteId: string; agents: { id: string }[] },
  count: number,
  from: Date,
) {
  await client.query(
    `insert into onss_registrations (tenant_id, clock_event_id, agent_id, site_id, direction, registration_time, payload, status, next_attempt_at)
     select $1, gen_random_uuid(), $2, $3, d.direction, d.at, jsonb_build_object(
         'niss', '85073003328', 'direction', d.direction,
         'at', to_char(d.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'employer', jsonb_build_object('enterpriseNumber', '0777123418'), 'capacity', 'employee',
         'workDeclarationNumber', '1Y102M7NZF7PZ',
         'position', jsonb_build_object('latitude', 50.8275, 'longitude', 4.3653)),
       'to_send', d.at
     from generate_series(1, $5::int) as g,
       lateral (select case when g % 2 = 1 then 'IN' else 'OUT' end as direction,
                       $4::timestamptz + g * interval '1 second' as at) as d`,
    [world.tenantId, world.agents[0]!.id, world.siteId, from.toISOString(), count],
  );
}

/**
 * onss-drain: 100,000 pending registrations of 10 companies drained into the simulator over HTTP
 * by the outbox worker (in this process, the simulator too), until none is left to send.
 */
async function drain(cluster: { url(name: string): string }, quick: boolean): Promise<ScenarioResult[]> {
  const companies = 10;
  const perCompany = quick ? 1_000 : 10_000;
  const { url, client } = await createDatabase(cluster, 'drain');
  // Validation far away: the drain measures sending; reconciliation only finds pending rows.
  const simulator = await startTestSimulator({ settings: { validationDelayMs: 3_600_000 } });
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  const app = await buildApp({
    config: appConfig,
    database,
    secretBox,
    onssSimulatorUrl: simulator.url,
    serveFrontEnds: false,
  });
  try {
    await simulator.admin('PATCH', '/admin/reference-data', { declarations: [clockWorldDeclaration] });
    const from = new Date(Date.now() - 2 * 86_400_000);
    for (let company = 0; company < companies; company += 1) {
      const world = await seed(client, 1, `BENCH${company}`);
      await connect(client, simulator, world.tenantId, `bench-drain-${company}`);
      await fillOutbox(client, world, perCompany, from);
    }
    await client.query('analyze onss_registrations');
    const total = companies * perCompany;
    const outbox = createOnssOutbox(app.ctx, {});
    const started = performance.now();
    let passes = 0;
    for (;;) {
      const summary = await outbox.runPass();
      passes += 1;
      if (summary.claimed === 0) {
        const left = await client.query<{ n: number }>(
          `select count(*)::int as n from onss_registrations where status in ${unsentStatuses}`,
        );
        if (left.rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const counts = await client.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from onss_registrations group by status`,
    );
    const registered = counts.rows.find((row) => row.status === 'registered')?.n ?? 0;
    const received = (await simulator.admin<{ registrations: unknown[] }>('GET', '/admin/registrations'))
      .registrations.length;
    if (registered !== total || received !== total)
      throw new Error(
        `drain: ${registered} registered, ${received} at ONSS, of ${total} (${JSON.stringify(counts.rows)})`,
      );
    console.log(`onss-drain: ${total} in ${seconds.toFixed(1)} s, ${passes} passes`);
    return [
      {
        scenario: 'onss-drain',
        metric: `registrations/s, ${total.toLocaleString('en')} pending (10 companies) drained into the simulator over HTTP`,
        value: total / seconds,
        unit: '/s',
        runs: total,
        target: '≥ 2000/s',
      },
    ];
  } finally {
    await app.close();
    await database.close();
    await simulator.close();
    await client.end();
  }
}

/**
 * onss-latency: 100 agents each registering once a second (100 registrations/s) on the built server
 * with its worker running; the time from sending the POST to the row being registered at ONSS.
 */
async function latency(cluster: { url(name: string): string }, quick: boolean): Promise<ScenarioResult[]> {
  const seconds = quick ? 5 : 30;
  const { url, client } = await createDatabase(cluster, 'latency');
  const simulator = await startTestSimulator({ settings: { validationDelayMs: 3_600_000 } });
  await simulator.admin('PATCH', '/admin/reference-data', { declarations: [clockWorldDeclaration] });
  const world = await seed(client, 100, 'BENCHLAT');
  await connect(client, simulator, world.tenantId, 'bench-latency');
  const server = await startServer(url, {
    ONSS_SIMULATOR: 'off',
    ONSS_SIMULATOR_URL: simulator.url,
    SECRET_KEY,
  });
  const sentAt = new Map<string, number>();
  const answerTimes: number[] = [];
  let errors = 0;
  const failures = new Map<string, number>();
  try {
    const steps = seconds * 100;
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let step = 0; step < steps; step += 1) {
      const wait = started + step * 10 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const agent = world.agents[step % 100]!;
      const id = randomUUID();
      const body = {
        id,
        taskId: world.taskId,
        action: Math.floor(step / 100) % 2 === 0 ? 'ARRIVE' : 'LEAVE',
        deviceTime: new Date().toISOString(),
        position: { latitude: 50.8276, longitude: 4.3652, accuracyMeters: 8 },
        appVersion: 'bench',
      };
      sentAt.set(id, Date.now());
      inFlight.push(
        fetch(`${server.base}/api/agent/v1/clock-events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
          .then(async (response) => {
            await response.arrayBuffer();
            if (response.status !== 201) throw new Error(String(response.status));
            answerTimes.push(Date.now() - sentAt.get(id)!);
          })
          .catch((error: Error) => {
            // Refused or not answered: not part of the delay measured, but counted.
            const reason = error.message === 'fetch failed' ? 'no answer' : error.message;
            failures.set(reason, (failures.get(reason) ?? 0) + 1);
            errors += 1;
            sentAt.delete(id);
          }),
      );
    }
    await Promise.all(inFlight);
    const waitUntil = Date.now() + 60_000;
    while (Date.now() < waitUntil) {
      const left = await client.query<{ n: number }>(
        `select count(*)::int as n from onss_registrations where status in ${unsentStatuses}`,
      );
      if (left.rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rows = await client.query<{ clock_event_id: string; registered_at: Date | null }>(
      `select clock_event_id, registered_at from onss_registrations`,
    );
    const delays = rows.rows.flatMap((row) => {
      const sent = sentAt.get(row.clock_event_id);
      return sent !== undefined && row.registered_at ? [row.registered_at.getTime() - sent] : [];
    });
    console.log(
      `onss-latency: ${sentAt.size} accepted, ${errors} not, ${delays.length} registered, p50 ${percentile(delays, 50)} ms; not accepted: ${JSON.stringify(Object.fromEntries(failures))}`,
    );
    if (delays.length !== sentAt.size)
      throw new Error(`latency: ${delays.length} of ${sentAt.size} accepted registrations registered`);
    return [
      {
        scenario: 'onss-latency',
        metric: `registration to "registered" at ONSS p50, 100 registrations/s (${errors} of ${steps} not accepted)`,
        value: percentile(delays, 50),
        unit: 'ms',
        runs: delays.length,
      },
      {
        scenario: 'onss-latency',
        metric: 'registration to "registered" at ONSS p95, 100 registrations/s',
        value: percentile(delays, 95),
        unit: 'ms',
        runs: delays.length,
        target: '< 2000 ms',
      },
      {
        scenario: 'onss-latency',
        // The part of the delay before the worker's: the registration's own answer.
        metric: 'of which the registration answered (POST 201) p95',
        value: percentile(answerTimes, 95),
        unit: 'ms',
        runs: answerTimes.length,
      },
    ];
  } finally {
    await server.stop();
    await simulator.close();
    await client.end();
  }
}

export async function onssDrainScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL binaries are needed (apt-get install postgresql)');
  const cluster = await startThrowawayCluster(binDir);
  try {
    return await drain(cluster, quick);
  } finally {
    await cluster.stop();
  }
}

export async function onssLatencyScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL binaries are needed (apt-get install postgresql)');
  if (!fs.existsSync(serverMain)) throw new Error('build first: npm run build');
  const cluster = await startThrowawayCluster(binDir);
  try {
    return await latency(cluster, quick);
  } finally {
    await cluster.stop();
  }
}
