import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { timeOrderedUuid } from '@ciao/domain';
import pg from 'pg';
import { openDatabase } from '../../../apps/server/src/db/client.js';
import { migrateDatabase } from '../../../apps/server/src/db/migrate.js';
import {
  findPostgresBinDir,
  freePort,
  startThrowawayCluster,
} from '../../../apps/server/test/support/postgres-cluster.js';
import { seed, type World } from '../../../apps/server/test/support/load-world.js';
import { percentile } from '../../../apps/server/test/support/percentile.js';
import { startCpuMeter, type CpuShare } from '../cpu-meter.js';
import { LoadClient } from '../http-client.js';
import type { ScenarioResult } from '../report.js';
import { waitUntilReady } from '../wait-until-ready.js';

const serverMain = path.resolve(import.meta.dirname, '../../../apps/server/dist/main.js');
const cycle = ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE'] as const;

export { percentile, seed, type World };

/** Ten million (or fewer) past registrations spread over a year, loaded in SQL. */
async function loadHistory(client: pg.Client, world: World, rows: number) {
  await client.query(
    `insert into clock_events (tenant_id, id, agent_id, task_id, site_id, action, direction, device_time, received_at, latitude, longitude, accuracy_meters, content_hash)
     select $1, gen_random_uuid(), $2, $3, $4, case when g % 2 = 0 then 'ARRIVE' else 'LEAVE' end, case when g % 2 = 0 then 'IN' else 'OUT' end,
            now() - interval '400 days' + (g * interval '3 seconds'), now(), 50.8275, 4.3653, 10, 'history'
     from generate_series(1, $5::int) as g`,
    [world.tenantId, world.agents[0]!.id, world.taskId, world.siteId, rows],
  );
  // A database that grew to this size over years has been vacuumed and checkpointed as it grew.
  // Loaded in one statement, the rows would otherwise be vacuumed by autovacuum during the load
  // that follows (seen in pg_stat_activity through the whole of it): the bulk load's aftermath, not
  // the history's cost.
  await client.query('vacuum (analyze) clock_events');
  await client.query('checkpoint');
}

/** The production heap bound (docs/operations.md, "Memory"). */
export const PRODUCTION_HEAP_OPTION = '--max-old-space-size=256';

export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  // The server runs as docs/operations.md deploys it (heap bounded); BENCH_SERVER_NODE_OPTIONS
  // replaces that, e.g. `--cpu-prof` to profile the server under load (docs/performance.md).
  const nodeOptions = process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [
    PRODUCTION_HEAP_OPTION,
  ];
  const child = spawn(process.execPath, [...nodeOptions, serverMain], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'off',
      ONSS_SIMULATOR: 'off',
      SECRET_KEY: 'a'.repeat(64),
      NODE_ENV: 'production',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${base}/health/ready`, 'the server');
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// Phones online send each registration as it is made: their device times trail the server's clock
// by less than the 10 minutes after which a registration counts as a late sync (flagged, with an
// anomaly: the offline sync below is that case). A device's registrations are half a second apart,
// so that a load of up to 2,000/s for 20 s stays between those 10 minutes and now.
const ONLINE_START_BEHIND_MS = 9 * 60_000;
const ONLINE_STEP_MS = 500;

/** 50 devices (one agent each) registering one event after another, as fast as the server answers. */
async function ingest(
  server: { base: string; pid?: number },
  world: World,
  devices: World['agents'],
  seconds: number,
  postgresDataDir?: string,
) {
  const startAt = Date.now() - ONLINE_START_BEHIND_MS;
  const client = new LoadClient(server.base);
  const latencies: number[] = [];
  let errors = 0;
  const cpu = startCpuMeter(server.pid, postgresDataDir);
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    devices.map(async (agent, index) => {
      let step = 0;
      while (performance.now() < deadline) {
        const deviceTime = startAt + index + step * ONLINE_STEP_MS;
        const body = {
          // As the agent app makes them (time-ordered, from the registration's time).
          id: timeOrderedUuid(deviceTime),
          taskId: world.taskId,
          action: cycle[step % 4],
          deviceTime: new Date(deviceTime).toISOString(),
          position: { latitude: 50.8276, longitude: 4.3652, accuracyMeters: 8 },
          appVersion: 'bench',
        };
        const started = performance.now();
        const response = await client.post('/api/agent/v1/clock-events', body, {
          authorization: `Bearer ${agent.token}`,
        });
        latencies.push(performance.now() - started);
        if (response.status !== 201) errors += 1;
        step += 1;
      }
    }),
  );
  const cpuMs = cpu.stop(latencies.length);
  client.close();
  return {
    eventsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    count: latencies.length,
    cpuMs,
  };
}

/**
 * The machine's HTTP floor: the same 50 devices and client asking for nothing (`GET /health/live`,
 * no database). What a request costs the server and the load generator before any work is done:
 * the part of a registration's budget no change to the registration can win back.
 */
async function httpFloor(server: { base: string; pid: number }, seconds: number) {
  const client = new LoadClient(server.base);
  let count = 0;
  let errors = 0;
  const cpu = startCpuMeter(server.pid, undefined);
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < deadline) {
        if ((await client.get('/health/live')).status !== 200) errors += 1;
        count += 1;
      }
    }),
  );
  const cpuMs = cpu.stop(count);
  client.close();
  if (errors > 0) throw new Error(`${errors} GET /health/live failed`);
  return { requestsPerSecond: count / seconds, count, cpuMs };
}

/** Where each registration's CPU goes: on two shared cores, the rate is about 2,000 ms ÷ the sum. */
function cpuRows(cpu: CpuShare, runs: number): ScenarioResult[] {
  const row = (metric: string, value: number): ScenarioResult => ({
    scenario: 'ingestion',
    metric,
    value,
    unit: 'ms',
    runs,
  });
  return [
    row('CPU per registration: server process', cpu.server),
    row('CPU per registration: PostgreSQL', cpu.postgres),
    row('CPU per registration: load generator (50 devices, node:http)', cpu.loadGenerator),
  ];
}

// BENCH_PG_STATEMENTS=1 (with the cluster started with pg_stat_statements, docs/performance.md)
// prints where PostgreSQL's time went during the first load, statement by statement.
const statementsWanted = process.env.BENCH_PG_STATEMENTS === '1';

async function printTopStatements(client: pg.Client, registrations: number) {
  const { rows } = await client.query(`
    select calls, round(total_exec_time) as exec_ms, round(total_plan_time) as plan_ms, rows,
           left(regexp_replace(query, '\\s+', ' ', 'g'), 100) as statement
    from pg_stat_statements order by total_exec_time + total_plan_time desc limit 12`);
  console.log(`PostgreSQL statements of the first load (${registrations} registrations):`);
  console.table(rows);
}

/** The baseline: the same clock_events inserts with node-postgres directly, 50 connections, no HTTP. */
async function baseline(databaseUrl: string, world: World, seconds: number, startAt: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 50 });
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    world.agents.slice(0, 50).map(async (agent, index) => {
      let step = 0;
      while (performance.now() < deadline) {
        const deviceTime = startAt + index * 1000 + step * 60_000;
        const started = performance.now();
        await pool.query(
          `insert into clock_events (tenant_id, id, agent_id, task_id, site_id, action, direction, device_time, latitude, longitude, accuracy_meters, content_hash)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 50.8276, 4.3652, 8, 'baseline')`,
          [
            world.tenantId,
            timeOrderedUuid(deviceTime),
            agent.id,
            world.taskId,
            world.siteId,
            cycle[step % 4],
            step % 2 ? 'OUT' : 'IN',
            new Date(deviceTime),
          ],
        );
        latencies.push(performance.now() - started);
        step += 1;
      }
    }),
  );
  await pool.end();
  return {
    eventsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** One agent syncing 1,000 queued registrations: two requests of 500, the most one request takes. */
async function batchSync(base: string, world: World, startAt: number) {
  const agent = world.agents.at(-1)!;
  const events = Array.from({ length: 1000 }, (_, step) => ({
    id: timeOrderedUuid(startAt + step * 30_000),
    taskId: world.taskId,
    action: cycle[step % 4],
    deviceTime: new Date(startAt + step * 30_000).toISOString(),
    position: { latitude: 50.8276, longitude: 4.3652, accuracyMeters: 8 },
    capturedOffline: true,
  }));
  const started = performance.now();
  let recorded = 0;
  for (const part of [events.slice(0, 500), events.slice(500)]) {
    const response = await fetch(`${base}/api/agent/v1/clock-events/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: part }),
    });
    const body = (await response.json()) as { results?: { outcome: string; code?: string }[] };
    if (!body.results) throw new Error(`batch answered ${response.status}: ${JSON.stringify(body)}`);
    recorded += body.results.filter((result) => result.outcome === 'recorded').length;
    const refused = body.results.find((result) => result.outcome !== 'recorded');
    if (refused) throw new Error(`batch refused an event: ${JSON.stringify(refused)}`);
  }
  const elapsed = performance.now() - started;
  if (recorded !== 1000) throw new Error(`batch recorded ${recorded} of 1000`);
  return elapsed;
}

/**
 * Registration ingestion over HTTP against a throwaway PostgreSQL: 50 concurrent devices, then a
 * 1,000-event batch, then the same after loading a history of past registrations; beside the raw
 * node-postgres baseline measured in the same run.
 */
export async function ingestionScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL binaries are needed (apt-get install postgresql)');
  if (!fs.existsSync(serverMain)) throw new Error('build first: npm run build');
  const cluster = await startThrowawayCluster(binDir);
  const results: ScenarioResult[] = [];
  const seconds = quick ? 5 : 20;
  const historyRows = Number(
    process.argv.find((arg) => arg.startsWith('--registrations='))?.slice('--registrations='.length) ??
      (quick ? 200_000 : 10_000_000),
  );
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    admin.on('error', () => {});
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const url = cluster.url('bench');
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    await migrateDatabase(database);
    await database.close();
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    // 50 devices for each load (each agent starts off duty: a load leaves its agents at work or on
    // a break, and their next arrival would be refused), one more agent for the offline sync.
    const world = await seed(client, 151);
    const firstDevices = world.agents.slice(0, 50);
    const secondDevices = world.agents.slice(50, 100);
    const laterDevices = world.agents.slice(100, 150);
    // The company has no ONSS key: its registrations are set aside (one statement per worker pass),
    // and the full path with ONSS answering is the soak's. Its ONSS confirmation delay is a day so
    // that the anomaly scan does not open, in the middle of the last load, an anomaly for each
    // registration of the loads before it: with a working connection ONSS confirms in seconds.
    await client.query(
      `update tenants set settings = jsonb_set(settings, '{anomalyThresholds}', '{"onssConfirmationMinutes": 1440}') where id = $1`,
      [world.tenantId],
    );
    // Statistics, as autovacuum keeps them on a live database: a never-analysed table is planned
    // from guesses (the first phase ran 20–35 % slower than the one after the history's analyse).
    await client.query('analyze');

    let server = await startServer(url);
    let reference: Awaited<ReturnType<typeof ingest>> | undefined;
    try {
      if (statementsWanted)
        await client.query(
          'create extension if not exists pg_stat_statements; select pg_stat_statements_reset()',
        );
      const first = await ingest(server, world, firstDevices, seconds, cluster.dataDir);
      if (statementsWanted) await printTopStatements(client, first.count);
      const raw = await baseline(url, world, seconds, Date.now() - 3 * 86_400_000);
      const batch = await batchSync(server.base, world, Date.now() - 2 * 86_400_000);
      const floor = await httpFloor(server, seconds);
      // The reference for the history's effect: the same load again on a server that restarted,
      // after what the first load left (its registrations set aside for ONSS, its agents' open
      // sessions), as the load after the history will find it — without the history.
      await server.stop();
      server = await startServer(url);
      const second = await ingest(server, world, secondDevices, seconds, cluster.dataDir);
      if (second.errors > 0)
        throw new Error(`${second.errors} registrations of the second load were not accepted`);
      reference = second;
      results.push(
        {
          scenario: 'ingestion',
          metric: 'registrations/s, 50 devices over HTTP (PostgreSQL)',
          value: first.eventsPerSecond,
          unit: '/s',
          runs: first.count,
          baseline: { label: 'raw pg insert', value: raw.eventsPerSecond },
          target: '≥ 1500/s',
        },
        {
          scenario: 'ingestion',
          metric: 'registration latency p50',
          value: first.p50,
          unit: 'ms',
          runs: first.count,
          baseline: { label: 'raw pg insert', value: raw.p50 },
        },
        {
          scenario: 'ingestion',
          metric: 'registration latency p99',
          value: first.p99,
          unit: 'ms',
          runs: first.count,
          baseline: { label: 'raw pg insert', value: raw.p99 },
          target: '< 50 ms',
        },
        ...cpuRows(first.cpuMs, first.count),
        {
          scenario: 'ingestion',
          metric: 'HTTP floor: GET /health/live (no database), 50 devices',
          value: floor.requestsPerSecond,
          unit: '/s',
          runs: floor.count,
        },
        {
          scenario: 'ingestion',
          metric: 'HTTP floor, CPU per request: server process',
          value: floor.cpuMs.server,
          unit: 'ms',
          runs: floor.count,
        },
        {
          scenario: 'ingestion',
          metric: 'HTTP floor, CPU per request: load generator',
          value: floor.cpuMs.loadGenerator,
          unit: 'ms',
          runs: floor.count,
        },
        {
          scenario: 'ingestion',
          metric: '1,000-event offline sync (2 × 500)',
          value: batch,
          unit: 'ms',
          runs: 1,
          target: '< 1000 ms',
        },
        {
          scenario: 'ingestion',
          metric: 'registrations/s, the same load again after a restart (reference for the history)',
          value: second.eventsPerSecond,
          unit: '/s',
          runs: second.count,
        },
        {
          scenario: 'ingestion',
          metric: 'registration latency p99, the same load again after a restart',
          value: second.p99,
          unit: 'ms',
          runs: second.count,
        },
      );
      if (first.errors > 0) throw new Error(`${first.errors} registrations were not accepted`);
    } finally {
      await server.stop();
    }

    const loadStarted = performance.now();
    await loadHistory(client, world, historyRows);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    await client.end();
    const again = await startServer(url);
    try {
      const loaded = await ingest(again, world, laterDevices, seconds, cluster.dataDir);
      if (loaded.errors > 0)
        throw new Error(`${loaded.errors} registrations were not accepted after the history`);
      const label = `${(historyRows / 1_000_000).toLocaleString('en')} M past registrations`;
      results.push(
        {
          scenario: 'ingestion',
          metric: `registrations/s after ${label} (loaded and vacuumed in ${loadSeconds.toFixed(0)} s)`,
          value: loaded.eventsPerSecond,
          unit: '/s',
          runs: loaded.count,
        },
        {
          scenario: 'ingestion',
          metric: `registration latency p99 after ${label}`,
          value: loaded.p99,
          unit: 'ms',
          runs: loaded.count,
          baseline: { label: 'same load before the history', value: reference!.p99 },
          target: 'within 20 % of the p99 before the history',
        },
        ...cpuRows(loaded.cpuMs, loaded.count).map((row) => ({
          ...row,
          metric: `${row.metric}, after ${label}`,
        })),
      );
    } finally {
      await again.stop();
    }
  } finally {
    await cluster.stop();
  }
  return results;
}
