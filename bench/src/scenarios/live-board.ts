import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../../apps/server/src/db/client.js';
import { migrateDatabase } from '../../../apps/server/src/db/migrate.js';
import { hashPassword } from '../../../apps/server/src/security/passwords.js';
import {
  findPostgresBinDir,
  startThrowawayCluster,
} from '../../../apps/server/test/support/postgres-cluster.js';
import { openEventStream } from '../../../apps/server/test/support/sse-client.js';
import type { ScenarioResult } from '../report.js';
import { percentile, seed, startServer, type World } from './ingestion.js';

const serverMain = path.resolve(import.meta.dirname, '../../../apps/server/dist/main.js');
const cycle = ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE'] as const;
const password = 'bench-live-board-2026';

/** A supervisor of the bench company, signed in through the real route: the board's cookie. */
async function supervisorCookie(client: pg.Client, base: string, world: World, code: string) {
  await client.query(
    `insert into web_users (tenant_id, login, display_name, role, password_hash) values ($1, 'board', 'Board', 'SUPERVISOR', $2)`,
    [world.tenantId, await hashPassword(password)],
  );
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyCode: code, login: 'board', password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * Registrations at a steady `rate` per second for `seconds`, spread over the agents, each timed
 * from the moment its request leaves to the moment its `presence` event reaches the board's stream.
 */
async function measure(
  registerOn: string,
  boardOn: string,
  cookie: string,
  world: World,
  options: {
    rate: number;
    seconds: number;
    startAt: number;
    /** Where each agent is in the arrive–pause–resume–leave cycle, carried from one run to the next. */
    steps: Map<string, number>;
  },
) {
  const stream = await openEventStream(`${boardOn}/api/presence/stream`, { cookie });
  await stream.next((event) => event.event === 'ready', 5000);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let errors = 0;
  let seen = 0;
  const collect = () => {
    for (; seen < stream.events.length; seen += 1) {
      const event = stream.events[seen]!;
      if (event.event !== 'presence') continue;
      const change = JSON.parse(event.data) as { agentId: string; at: string };
      const started = sentAt.get(`${change.agentId}|${change.at}`);
      if (started !== undefined) latencies.push(event.receivedAt - started);
    }
  };
  const total = options.rate * options.seconds;
  const { steps } = options;
  const inFlight: Promise<void>[] = [];
  const lastOf = new Map<string, Promise<void>>();
  const begin = performance.now();
  for (let index = 0; index < total; index += 1) {
    // A steady rate: the n-th registration leaves at n / rate seconds, whatever the answers take.
    const due = begin + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const agentIndex = index % world.agents.length;
    const agent = world.agents[agentIndex]!;
    const step = steps.get(agent.id) ?? 0;
    steps.set(agent.id, step + 1);
    const deviceTime = new Date(options.startAt + agentIndex * 1000 + step * 60_000).toISOString();
    // One agent's registrations leave in order (a phone waits for each answer): under load, an
    // overtaking one would be refused by the state machine.
    const previous = lastOf.get(agent.id) ?? Promise.resolve();
    const sent = previous.then(async () => {
      sentAt.set(`${agent.id}|${deviceTime}`, performance.now());
      const response = await fetch(`${registerOn}/api/agent/v1/clock-events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: randomUUID(),
          taskId: world.taskId,
          action: cycle[step % 4],
          deviceTime,
          position: { latitude: 50.8276, longitude: 4.3652, accuracyMeters: 8 },
          appVersion: 'bench',
        }),
      });
      const body = await response.text();
      if (response.status === 201) return;
      errors += 1;
      if (errors <= 3)
        console.error(`live-board: a registration answered ${response.status}: ${body.slice(0, 200)}`);
    });
    lastOf.set(agent.id, sent);
    inFlight.push(sent);
  }
  await Promise.all(inFlight);
  // The last events are given two seconds to arrive; a missing one counts as lost.
  const deadline = performance.now() + 2000;
  while (performance.now() < deadline && latencies.length < total - errors) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    collect();
  }
  collect();
  await stream.close();
  return { latencies, lost: total - errors - latencies.length, errors, total };
}

/**
 * The live board's latency from a registration to the browser, over SSE, against a throwaway
 * PostgreSQL at a steady rate: with the board on the process that took the registration, and on
 * another API process of the same PostgreSQL (through LISTEN/NOTIFY, docs/scaling.md).
 */
export async function liveBoardScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL binaries are needed (apt-get install postgresql)');
  if (!fs.existsSync(serverMain)) throw new Error('build first: npm run build');
  const cluster = await startThrowawayCluster(binDir);
  const results: ScenarioResult[] = [];
  const rate = quick ? 20 : 50;
  const seconds = quick ? 5 : 20;
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
    const code = 'LIVE';
    const world = await seed(client, 200, code);
    const a = await startServer(url);
    const b = await startServer(url);
    try {
      const cookie = await supervisorCookie(client, a.base, world, code);
      const dayStart = Date.now() - 6 * 86_400_000;
      const steps = new Map<string, number>();
      const runs = [
        // A first run warms both processes up (JIT, pools); its figures are not kept.
        // Device times move forward from one run to the next, as an agent's registrations must.
        { label: 'warm-up', on: b.base, startAt: dayStart },
        { label: 'same process', on: a.base, startAt: dayStart + 2 * 86_400_000 },
        { label: 'other process (NOTIFY)', on: b.base, startAt: dayStart + 4 * 86_400_000 },
      ];
      for (const run of runs) {
        const measured = await measure(a.base, run.on, cookie, world, {
          rate,
          seconds: run.label === 'warm-up' ? Math.min(5, seconds) : seconds,
          startAt: run.startAt,
          steps,
        });
        if (measured.errors > 0) throw new Error(`${measured.errors} registrations were not accepted`);
        if (measured.lost > 0) throw new Error(`${measured.lost} registrations never reached the board`);
        if (run.label === 'warm-up') continue;
        results.push(
          {
            scenario: 'live-board',
            metric: `registration → SSE p50, ${rate}/s, ${run.label}`,
            value: percentile(measured.latencies, 50),
            unit: 'ms',
            runs: measured.latencies.length,
          },
          {
            scenario: 'live-board',
            metric: `registration → SSE p95, ${rate}/s, ${run.label}`,
            value: percentile(measured.latencies, 95),
            unit: 'ms',
            runs: measured.latencies.length,
            target: '< 1000 ms',
          },
        );
      }
    } finally {
      await client.end();
      await Promise.all([a.stop(), b.stop()]);
    }
  } finally {
    await cluster.stop();
  }
  return results;
}
