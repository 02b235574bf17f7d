// Simulated devices that register at full speed and retry each registration with the same id until
// the server answers (as the agent app's sync does), and the checks that end every fault scenario:
// nothing accepted lost, nothing stored or sent twice. Shared by the fault tests and `npm run bench`.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { LoadClient, NoAnswerError } from './load-client.js';
import { connectToOnss, seed, type World } from './load-world.js';
import { startTestSimulator, type TestSimulator } from './onss-simulator.js';
import { freePort, startThrowawayCluster, type ThrowawayCluster } from './postgres-cluster.js';
import { startServerProcess, waitForReady, type ServerProcess } from './server-process.js';

const cycle = ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE'] as const;

export interface DeviceRun {
  /** Event ids a device saw accepted: 201 recorded or 200 already recorded. */
  accepted: Set<string>;
  /** Accepted on a repeated sending (the first answer was lost or an error). */
  acceptedOnRetry: number;
  /** Sendings beyond each event's first. */
  retries: number;
  /** Answers by status (0: no answer: connection refused or cut). */
  statuses: Map<number, number>;
  /** Non-2xx answers that were not problem+json. */
  notProblemJson: number;
  /** Requests with no answer within the bound. */
  unanswered: number;
  /** Events the server refused for good (4xx): a fault must never cause one. */
  refused: { id: string; status: number; body: string }[];
  /** When each accepted event was accepted (ms since the run started). */
  acceptedAt: number[];
  elapsedMs: number;
}

export interface DeviceOptions {
  base: string;
  world: World;
  /** Devices at once (one agent each). */
  devices: number;
  /** Devices stop taking new registrations once this says so; each finishes the one it holds. */
  stop: () => boolean;
  /** Device time of the first registrations; each one is a minute after the previous of its agent. */
  startAt: number;
  /** Bound on one request: past it the device gives up on that sending and retries. */
  requestTimeoutMs?: number;
  /** Pause before a retry (the app waits longer; tests keep it short). */
  retryDelayMs?: number;
  /** Told of each accepted registration as its answer arrives (times: performance.now()). */
  onAccepted?: (accepted: AcceptedRegistration) => void;
}

export interface AcceptedRegistration {
  id: string;
  agentId: string;
  deviceTime: string;
  /** When the sending that was answered left. */
  sentAt: number;
  answeredAt: number;
}

/** Runs the devices until `stop()`; each registration is sent, and sent again, until it is answered. */
export async function runDevices(options: DeviceOptions): Promise<DeviceRun> {
  const {
    base,
    world,
    devices,
    stop,
    startAt,
    requestTimeoutMs = 10_000,
    retryDelayMs = 100,
    onAccepted,
  } = options;
  const client = new LoadClient(base, devices, requestTimeoutMs);
  const run: DeviceRun = {
    accepted: new Set(),
    acceptedOnRetry: 0,
    retries: 0,
    statuses: new Map(),
    notProblemJson: 0,
    unanswered: 0,
    refused: [],
    acceptedAt: [],
    elapsedMs: 0,
  };
  const count = (status: number) => run.statuses.set(status, (run.statuses.get(status) ?? 0) + 1);
  const started = performance.now();
  await Promise.all(
    world.agents.slice(0, devices).map(async (agent, index) => {
      for (let step = 0; !stop(); step += 1) {
        const body = {
          id: randomUUID(),
          taskId: world.taskId,
          action: cycle[step % 4],
          deviceTime: new Date(startAt + index * 1000 + step * 60_000).toISOString(),
          position: { latitude: 50.8276, longitude: 4.3652, accuracyMeters: 8 },
          appVersion: 'fault-test',
        };
        for (let attempt = 0; ; attempt += 1) {
          if (attempt > 0) {
            run.retries += 1;
            await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
          }
          let response;
          const sentAt = performance.now();
          try {
            response = await client.post('/api/agent/v1/clock-events', body, {
              authorization: `Bearer ${agent.token}`,
            });
          } catch (error) {
            if (error instanceof NoAnswerError) run.unanswered += 1;
            count(0);
            continue;
          }
          count(response.status);
          if (response.status === 201 || response.status === 200) {
            const answeredAt = performance.now();
            run.accepted.add(body.id);
            run.acceptedAt.push(answeredAt - started);
            onAccepted?.({ id: body.id, agentId: agent.id, deviceTime: body.deviceTime, sentAt, answeredAt });
            if (attempt > 0) run.acceptedOnRetry += 1;
            break;
          }
          if (!response.contentType.startsWith('application/problem+json')) run.notProblemJson += 1;
          if (response.status >= 400 && response.status < 500 && response.status !== 429) {
            run.refused.push({ id: body.id, status: response.status, body: response.body.slice(0, 300) });
            break;
          }
        }
      }
    }),
  );
  run.elapsedMs = performance.now() - started;
  client.close();
  return run;
}

export interface LedgerCheck {
  stored: number;
  /** Accepted ids not in clock_events. */
  lost: string[];
  /** Ids stored more than once. */
  duplicates: number;
  /** Agents with more than one open work session. */
  agentsWithTwoOpenSessions: number;
  /** Agents whose sessions do not match their events (one per arrival, closed per departure). */
  sessionMismatches: number;
  /** Stored In/Out events without exactly one ONSS outbox row. */
  outboxMismatches: number;
  outboxRows: number;
}

/** What PostgreSQL holds against what the devices were told. */
export async function checkLedger(
  client: pg.Client,
  world: World,
  accepted: Set<string>,
): Promise<LedgerCheck> {
  const ids = [...accepted];
  const stored = await client.query<{ id: string; copies: number }>(
    `select id::text, count(*)::int as copies from clock_events where tenant_id = $1 and id = any($2::uuid[]) group by id`,
    [world.tenantId, ids],
  );
  const present = new Set(stored.rows.map((row) => row.id));
  const total = await client.query<{ n: number }>(
    'select count(*)::int as n from clock_events where tenant_id = $1',
    [world.tenantId],
  );
  const twice = await client.query<{ n: number }>(
    `select count(*)::int as n from (select id from clock_events where tenant_id = $1 group by id having count(*) > 1) d`,
    [world.tenantId],
  );
  const open = await client.query<{ n: number }>(
    `select count(*)::int as n from (select agent_id from work_sessions where tenant_id = $1 and state <> 'CLOSED' group by agent_id having count(*) > 1) d`,
    [world.tenantId],
  );
  const sessions = await client.query<{ n: number }>(
    `with e as (
       select agent_id, count(*) filter (where action = 'ARRIVE') as arrivals, count(*) filter (where action = 'LEAVE') as departures
       from clock_events where tenant_id = $1 group by agent_id),
     s as (
       select agent_id, count(*) as sessions, count(*) filter (where state = 'CLOSED') as closed
       from work_sessions where tenant_id = $1 group by agent_id)
     select count(*)::int as n from e full join s using (agent_id)
     where coalesce(e.arrivals, 0) <> coalesce(s.sessions, 0) or coalesce(e.departures, 0) <> coalesce(s.closed, 0)`,
    [world.tenantId],
  );
  const outbox = await client.query<{ mismatches: number; rows: number }>(
    `select
       (select count(*)::int from clock_events e where e.tenant_id = $1 and e.action in ('ARRIVE', 'LEAVE')
          and (select count(*) from onss_registrations r where r.tenant_id = $1 and r.clock_event_id = e.id) <> 1) as mismatches,
       (select count(*)::int from onss_registrations where tenant_id = $1) as rows`,
    [world.tenantId],
  );
  return {
    stored: total.rows[0]!.n,
    lost: ids.filter((id) => !present.has(id)),
    duplicates: twice.rows[0]!.n + stored.rows.filter((row) => row.copies > 1).length,
    agentsWithTwoOpenSessions: open.rows[0]!.n,
    sessionMismatches: sessions.rows[0]!.n,
    outboxMismatches: outbox.rows[0]!.mismatches,
    outboxRows: outbox.rows[0]!.rows,
  };
}

/** Waits until no ONSS outbox row of the company is waiting to be sent; false when `timeoutMs` passes. */
export async function waitForOutboxDrained(
  client: pg.Client,
  world: World,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from onss_registrations where tenant_id = $1 and status in ('to_send', 'sending', 'send_failing')`,
      [world.tenantId],
    );
    if (rows[0]!.n === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

export interface OnssCheck {
  rows: number;
  /** Outbox rows ONSS never received (in a call it processed). */
  unsent: number;
  /** Outbox rows ONSS received in more than one processed call. */
  sentTwice: number;
  /** Items ONSS received that match no outbox row. */
  strangers: number;
}

/** Every outbox row of the company against what the simulator logged of its processed calls. */
export async function checkOnssExactlyOnce(
  client: pg.Client,
  world: World,
  simulator: TestSimulator,
  clientId: string,
): Promise<OnssCheck> {
  const key = (ssin: unknown, type: unknown, at: unknown) =>
    `${String(ssin)}|${String(type).toLowerCase()}|${new Date(String(at)).toISOString()}`;
  const { calls } = await simulator.admin<{
    calls: { clientId: string | null; items: Record<string, unknown>[]; processed: boolean }[];
  }>('GET', '/admin/received');
  const received = new Map<string, number>();
  for (const call of calls) {
    if (call.clientId !== clientId || !call.processed) continue;
    for (const item of call.items) {
      const itemKey = key(item.ssin, item.type, item.registrationDate);
      received.set(itemKey, (received.get(itemKey) ?? 0) + 1);
    }
  }
  const { rows } = await client.query<{ niss: string; direction: string; at: string }>(
    `select payload->>'niss' as niss, payload->>'direction' as direction, payload->>'at' as at from onss_registrations where tenant_id = $1`,
    [world.tenantId],
  );
  let unsent = 0;
  let sentTwice = 0;
  for (const row of rows) {
    const copies = received.get(key(row.niss, row.direction, row.at)) ?? 0;
    if (copies === 0) unsent += 1;
    if (copies > 1) sentTwice += 1;
    received.delete(key(row.niss, row.direction, row.at));
  }
  return { rows: rows.length, unsent, sentTwice, strangers: received.size };
}

/** The devices' figures for a report line. */
export function summarise(run: DeviceRun) {
  return {
    accepted: run.accepted.size,
    acceptedOnRetry: run.acceptedOnRetry,
    retries: run.retries,
    refused: run.refused.length,
    unanswered: run.unanswered,
    statuses: Object.fromEntries(run.statuses),
  };
}

export const FAULT_SECRET_KEY = 'b'.repeat(64);

export interface FaultStack {
  cluster: ThrowawayCluster;
  /** A connection of the checks (reconnect it after an outage with `reconnect`). */
  client: pg.Client;
  reconnect(): Promise<pg.Client>;
  world: World;
  simulator: TestSimulator;
  clientId: string;
  /** The environment of a server process on this stack (PORT included). */
  env: Record<string, string>;
  base: string;
  /** Starts a real server process (from the sources) and waits for it to be ready. */
  startServer(extra?: Record<string, string>): Promise<ServerProcess>;
  close(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster (so that a test may stop it), a migrated database with `agents`
 * agents signed in on their devices, the ONSS simulator in this process with the company connected
 * to it, and the environment of a server process on all that.
 */
export async function startFaultStack(binDir: string, agents: number): Promise<FaultStack> {
  const cluster = await startThrowawayCluster(binDir);
  const servers: ServerProcess[] = [];
  let simulator: TestSimulator | undefined;
  let client: pg.Client | undefined;
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('create database ciao');
    await admin.end();
    const url = cluster.url('ciao');
    const migrating = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    await migrateDatabase(migrating);
    await migrating.close();
    const connect = async () => {
      const connection = new pg.Client({ connectionString: url });
      // The checks' own connection is cut by an outage: the test reconnects it afterwards.
      connection.on('error', () => {});
      await connection.connect();
      return connection;
    };
    client = await connect();
    const world = await seed(client, agents, 'FAULT');
    simulator = await startTestSimulator();
    const clientId = await connectToOnss(client, world, simulator, FAULT_SECRET_KEY);
    const port = await freePort();
    const env = {
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      ONSS_SIMULATOR: 'off',
      ONSS_SIMULATOR_URL: simulator.url,
      SECRET_KEY: FAULT_SECRET_KEY,
      LOG_LEVEL: 'error',
      // A crashed process's ONSS claims come back within the test, not two minutes later.
      ONSS_CLAIM_SECONDS: '10',
    };
    const stack: FaultStack = {
      cluster,
      client,
      reconnect: async () => {
        await stack.client.end().catch(() => {});
        stack.client = await connect();
        return stack.client;
      },
      world,
      simulator,
      clientId,
      env,
      base: `http://127.0.0.1:${port}`,
      startServer: async (extra = {}) => {
        const server = startServerProcess({ ...env, ...extra });
        servers.push(server);
        await waitForReady(server, 90_000);
        return server;
      },
      close: async () => {
        for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
        await stack.client.end().catch(() => {});
        await simulator?.close();
        await cluster.stop();
      },
    };
    return stack;
  } catch (error) {
    for (const server of servers) server.child.kill('SIGKILL');
    await client?.end().catch(() => {});
    await simulator?.close();
    await cluster.stop();
    throw error;
  }
}

/** Polls `url` until it answers `status`; the milliseconds it took, or throws past `timeoutMs`. */
export async function waitForStatus(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const seen: string[] = [];
  while (performance.now() - started < timeoutMs) {
    const asked = performance.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status === status) return Math.round(performance.now() - started);
      seen.push(`${response.status} in ${Math.round(performance.now() - asked)} ms`);
    } catch (error) {
      seen.push(`${(error as Error).message} after ${Math.round(performance.now() - asked)} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${url} did not answer ${status} within ${timeoutMs} ms; it answered: ${seen.slice(-5).join(', ')}`,
  );
}
