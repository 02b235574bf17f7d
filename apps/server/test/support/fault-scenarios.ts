// The fault scenarios themselves, with their durations as parameters: the fault tests run them
// short and assert on what they return; `npm run bench -- --only=faults` runs them at full length
// and reports the same figures (docs/reliability.md).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { createSecretBox } from '../../src/security/secret-box.js';
import {
  checkLedger,
  checkOnssExactlyOnce,
  FAULT_SECRET_KEY,
  runDevices,
  waitForOutboxDrained,
  waitForStatus,
  type AcceptedRegistration,
  type DeviceRun,
  type FaultStack,
  type LedgerCheck,
  type OnssCheck,
} from './fault-load.js';
import { webSessionInSql } from './load-world.js';
import { percentile } from './percentile.js';
import { freePort } from './postgres-cluster.js';
import { startSmtpSink } from './smtp-sink.js';
import { openEventStream, type EventStream } from './sse-client.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Device times start a day back, on a whole second, one minute apart per registration. */
const deviceStart = () => Math.floor(Date.now() / 1000) * 1000 - 86_400_000;

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await sleep(intervalMs);
  }
  return true;
}

export interface CrashOutcome {
  run: DeviceRun;
  /** Outbox rows the killed process held claimed (ONSS had processed them, the answer was held). */
  interrupted: number;
  /** From SIGKILL to the new process answering ready. */
  restartMs: number;
  ledger: LedgerCheck;
  /** Whether every outbox row left "sending" was settled in time. */
  drained: boolean;
  drainMs: number;
  onss: OnssCheck;
  /** The restarted server's exit code on SIGTERM. */
  exitCode: number | null;
}

/**
 * kill -9 under load: devices register at full speed; when ONSS has processed a call of the ONSS
 * worker but not answered it yet (the worst moment), the server is killed, then started again while
 * the devices keep retrying.
 */
export async function crashUnderLoad(
  stack: FaultStack,
  {
    devices = 50,
    loadBeforeMs,
    loadAfterMs,
    drainTimeoutMs = 60_000,
  }: {
    devices?: number;
    loadBeforeMs: number;
    loadAfterMs: number;
    drainTimeoutMs?: number;
  },
): Promise<CrashOutcome> {
  let server = await stack.startServer();
  let stop = false;
  const load = runDevices({
    base: stack.base,
    world: stack.world,
    devices,
    stop: () => stop,
    startAt: deviceStart(),
  });
  await sleep(loadBeforeMs);
  await stack.simulator.admin('PUT', '/admin/faults', {
    appliesTo: 'presenceRegistration',
    timeout: { rate: 1, hangMs: 60_000, when: 'after' },
  });
  await waitFor(async () => {
    const { calls } = await stack.simulator.admin<{ calls: { fault?: string; processed: boolean }[] }>(
      'GET',
      '/admin/received',
    );
    return calls.some((call) => call.fault === 'timeout-after' && call.processed);
  }, 15_000);
  server.child.kill('SIGKILL');
  await server.exited;
  const killedAt = performance.now();
  await stack.simulator.admin('DELETE', '/admin/faults');
  const { rows } = await stack.client.query<{ n: number }>(
    "select count(*)::int as n from onss_registrations where status = 'sending'",
  );
  server = await stack.startServer();
  const restartMs = Math.round(performance.now() - killedAt);
  await sleep(loadAfterMs);
  stop = true;
  const run = await load;
  const ledger = await checkLedger(stack.client, stack.world, run.accepted);
  const drainStarted = performance.now();
  const drained = await waitForOutboxDrained(stack.client, stack.world, drainTimeoutMs);
  const drainMs = Math.round(performance.now() - drainStarted);
  const onss = await checkOnssExactlyOnce(stack.client, stack.world, stack.simulator, stack.clientId);
  server.child.kill('SIGTERM');
  return {
    run,
    interrupted: rows[0]!.n,
    restartMs,
    ledger,
    drained,
    drainMs,
    onss,
    exitCode: await server.exited,
  };
}

export interface OutageOutcome {
  run: DeviceRun;
  outageMs: number;
  /** From stopping PostgreSQL to /health/ready answering 503. */
  notReadyAfterMs: number;
  /** What the server answered an agent route while PostgreSQL was down. */
  probe: { status: number; contentType: string; retryAfter: string | null; body: unknown };
  liveStatus: number;
  /** From PostgreSQL back to /health/ready answering 200. */
  readyAfterMs: number;
  acceptedDuringOutage: number;
  acceptedAfter: number;
  /** From PostgreSQL back to the first registration accepted. */
  firstAcceptedAfterMs: number;
  /** From PostgreSQL back to the live-board event bridge listening again (NaN: not within a minute). */
  listeningAgainAfterMs: number;
  /** null while the process runs: it must never exit by itself. */
  exitedDuringRun: number | null;
  ledger: LedgerCheck;
  drained: boolean;
  onss: OnssCheck;
  exitCode: number | null;
}

/** PostgreSQL stopped for `outageMs` under load, then started again; the server is never restarted. */
export async function databaseOutageUnderLoad(
  stack: FaultStack,
  {
    devices = 50,
    loadBeforeMs,
    outageMs,
    loadAfterMs,
    requestTimeoutMs = 10_000,
    drainTimeoutMs = 60_000,
  }: {
    devices?: number;
    loadBeforeMs: number;
    outageMs: number;
    loadAfterMs: number;
    /** A request is never to wait longer than this, even with the database gone. */
    requestTimeoutMs?: number;
    drainTimeoutMs?: number;
  },
): Promise<OutageOutcome> {
  const server = await stack.startServer();
  let stop = false;
  const loadStartedAt = performance.now();
  const load = runDevices({
    base: stack.base,
    world: stack.world,
    devices,
    stop: () => stop,
    startAt: deviceStart(),
    requestTimeoutMs,
  });
  await sleep(loadBeforeMs);
  await stack.cluster.halt();
  const haltedAt = performance.now();
  const notReadyAfterMs = await waitForStatus(`${stack.base}/health/ready`, 503, 10_000);
  const liveStatus = (await fetch(`${stack.base}/health/live`)).status;
  const answer = await fetch(`${stack.base}/api/agent/v1/state`, {
    headers: { authorization: `Bearer ${stack.world.agents[0]!.token}` },
  });
  const probe = {
    status: answer.status,
    contentType: answer.headers.get('content-type') ?? '',
    retryAfter: answer.headers.get('retry-after'),
    body: (await answer.json()) as unknown,
  };
  await sleep(Math.max(0, outageMs - (performance.now() - haltedAt)));
  // PostgreSQL serves before pg_ctl notices it is up: the outage ends when its start is asked.
  const resumingAt = performance.now();
  await stack.cluster.resume();
  const resumedAt = performance.now();
  const readyAfterMs = await waitForStatus(`${stack.base}/health/ready`, 200, 60_000);
  await sleep(loadAfterMs);
  stop = true;
  const run = await load;
  const exitedDuringRun = server.child.exitCode;
  const accepted = run.acceptedAt.map((at) => loadStartedAt + at);
  // A registration answered in the second after the stop may have been committed just before it.
  const acceptedDuringOutage = accepted.filter((at) => at > haltedAt + 1_000 && at < resumingAt).length;
  const after = accepted.filter((at) => at > resumedAt);
  const client = await stack.reconnect();
  // The LISTEN connection of the event bridge (application_name ciao-events) comes back by itself.
  const listening = await waitFor(async () => {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where application_name = 'ciao-events' and backend_start > now() - make_interval(secs => $1)",
      [(performance.now() - resumedAt) / 1000 + 1],
    );
    return rows[0]!.n > 0;
  }, 60_000);
  const listeningAgainAfterMs = listening ? await listeningSince(client, resumedAt) : NaN;
  const ledger = await checkLedger(client, stack.world, run.accepted);
  const drained = await waitForOutboxDrained(client, stack.world, drainTimeoutMs);
  const onss = await checkOnssExactlyOnce(client, stack.world, stack.simulator, stack.clientId);
  server.child.kill('SIGTERM');
  return {
    run,
    outageMs: Math.round(resumedAt - haltedAt),
    notReadyAfterMs,
    probe,
    liveStatus,
    readyAfterMs,
    acceptedDuringOutage,
    acceptedAfter: after.length,
    listeningAgainAfterMs,
    firstAcceptedAfterMs: after.length > 0 ? Math.round(Math.min(...after) - resumedAt) : NaN,
    exitedDuringRun,
    ledger,
    drained,
    onss,
    exitCode: await server.exited,
  };
}

/** How long after `resumedAt` (performance.now()) the event bridge's current connection started. */
async function listeningSince(client: pg.Client, resumedAt: number): Promise<number> {
  const { rows } = await client.query<{ ago: number }>(
    "select extract(epoch from now() - max(backend_start))::float8 * 1000 as ago from pg_stat_activity where application_name = 'ciao-events'",
  );
  return Math.round(performance.now() - rows[0]!.ago - resumedAt);
}

/** A company's webhook endpoint: counts each event id it is sent, answers 200. */
async function startWebhookReceiver() {
  const received = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const id = String(request.headers['ciao-webhook-id']);
    request.resume();
    request.on('end', () => {
      received.set(id, (received.get(id) ?? 0) + 1);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a supervisor's live board, open on one process through the load, received of it. */
export interface BoardCheck {
  /** `presence` events received. */
  pushed: number;
  /** Accepted registrations whose event never reached this board. */
  missing: number;
  /** Registrations whose event reached this board more than once. */
  twice: number;
  /** `presence` events that match no accepted registration. */
  strangers: number;
  /** `resync` events: the process lost its LISTEN connection and may have missed some. */
  resyncs: number;
}

/** Milliseconds from a registration to its event on a board, over the registrations counted. */
export interface BoardLatency {
  count: number;
  /** From the device's accepted answer (negative: the event arrived before the answer). */
  p50: number;
  p95: number;
  max: number;
  /** From the moment the answered request left the device. */
  p95FromSending: number;
}

// The SSE `presence` event names no registration id (presence-hub.ts): an agent's registration is
// told apart by its device time, which the load makes unique per agent.
const boardKey = (agentId: string, deviceTime: string) => `${agentId}|${deviceTime}`;

type Accepted = AcceptedRegistration & { through: 'A' | 'B' };

/** Each `presence` event of a board, by registration, with the times it arrived. */
function arrivalsOn(board: EventStream) {
  const arrivals = new Map<string, number[]>();
  for (const event of board.events) {
    if (event.event !== 'presence') continue;
    const change = JSON.parse(event.data) as { agentId: string; at: string };
    const key = boardKey(change.agentId, change.at);
    arrivals.set(key, [...(arrivals.get(key) ?? []), event.receivedAt]);
  }
  return arrivals;
}

function checkBoard(board: EventStream, accepted: Map<string, Accepted>): BoardCheck {
  const arrivals = arrivalsOn(board);
  return {
    pushed: board.events.filter((event) => event.event === 'presence').length,
    missing: [...accepted.keys()].filter((key) => !arrivals.has(key)).length,
    twice: [...arrivals.values()].filter((times) => times.length > 1).length,
    strangers: [...arrivals.keys()].filter((key) => !accepted.has(key)).length,
    resyncs: board.events.filter((event) => event.event === 'resync').length,
  };
}

/** How long registrations taken through `through` took to reach `board` (the other process's). */
function latencyTo(board: EventStream, accepted: Map<string, Accepted>, through: 'A' | 'B'): BoardLatency {
  const arrivals = arrivalsOn(board);
  const afterAnswer: number[] = [];
  const afterSending: number[] = [];
  for (const [key, registration] of accepted) {
    const arrivedAt = arrivals.get(key)?.[0];
    if (registration.through !== through || arrivedAt === undefined) continue;
    afterAnswer.push(arrivedAt - registration.answeredAt);
    afterSending.push(arrivedAt - registration.sentAt);
  }
  return {
    count: afterAnswer.length,
    p50: Math.round(percentile(afterAnswer, 50)),
    p95: Math.round(percentile(afterAnswer, 95)),
    max: afterAnswer.length > 0 ? Math.round(Math.max(...afterAnswer)) : NaN,
    p95FromSending: Math.round(percentile(afterSending, 95)),
  };
}

export interface TwoProcessesOutcome {
  throughA: DeviceRun;
  throughB: DeviceRun;
  ledger: LedgerCheck;
  drained: boolean;
  onss: OnssCheck;
  webhooksDelivered: boolean;
  /** Distinct registrations the webhook endpoint received, and how many it received more than once. */
  webhooks: { events: number; twice: number };
  emails: { queued: number; received: number; distinct: number; unsentRows: number };
  /** Whether every accepted registration reached both boards in time. */
  boardsComplete: boolean;
  /** A supervisor's live board open on each process from before the load to after it. */
  boards: { onA: BoardCheck; onB: BoardCheck };
  /** Registrations taken by one process, to the board on the other (through PostgreSQL NOTIFY). */
  crossProcessLatency: { aToB: BoardLatency; bToA: BoardLatency };
  exitCodes: (number | null)[];
}

/**
 * Two API processes on one PostgreSQL, both running every worker: devices register through both,
 * a webhook subscription receives every registration, e-mails are queued; each must go out once.
 * A supervisor's live board is open on each process: every registration must reach both, once.
 */
export async function twoProcesses(
  stack: FaultStack,
  { loadMs, emails = 100, timeoutMs = 60_000 }: { loadMs: number; emails?: number; timeoutMs?: number },
): Promise<TwoProcessesOutcome> {
  const { client, world } = stack;
  const [receiver, smtp] = await Promise.all([startWebhookReceiver(), startSmtpSink()]);
  const boards: EventStream[] = [];
  try {
    await client.query(
      `insert into webhook_subscriptions (tenant_id, url, events, secret_encrypted) values ($1, $2, '["registration.created"]', $3)`,
      [
        world.tenantId,
        receiver.url,
        createSecretBox(Buffer.from(FAULT_SECRET_KEY, 'hex')).seal('whsec_fault'),
      ],
    );
    await client.query(
      `insert into email_outbox (tenant_id, to_address, template, language, subject, text_body, html_body)
       select $1, 'rh@example.be', 'fault-test', 'fr', 'fault ' || g, 'text ' || g, '<p>html ' || g || '</p>'
       from generate_series(1, $2::int) as g`,
      [world.tenantId, emails],
    );
    const mail = { SMTP_URL: smtp.url, MAIL_FROM: 'ciao <no-reply@example.be>' };
    const secondPort = await freePort();
    const servers = await Promise.all([
      stack.startServer(mail),
      stack.startServer({ ...mail, PORT: String(secondPort) }),
    ]);
    const secondBase = `http://127.0.0.1:${secondPort}`;
    // The load is one company: one supervisor's board per process sees all of it.
    const cookie = await webSessionInSql(client, world, 'SUPERVISOR');
    for (const base of [stack.base, secondBase]) {
      const board = await openEventStream(`${base}/api/presence/stream`, { cookie });
      boards.push(board);
      await board.next((event) => event.event === 'ready', 10_000);
    }
    const [boardOnA, boardOnB] = boards as [EventStream, EventStream];
    const acceptedRegistrations = new Map<string, Accepted>();
    const keep = (through: 'A' | 'B') => (registration: AcceptedRegistration) =>
      acceptedRegistrations.set(boardKey(registration.agentId, registration.deviceTime), {
        ...registration,
        through,
      });
    let stop = false;
    const half = Math.floor(world.agents.length / 2);
    const startAt = deviceStart();
    const [throughA, throughB] = await Promise.all([
      runDevices({
        base: stack.base,
        world: { ...world, agents: world.agents.slice(0, half) },
        devices: half,
        stop: () => stop,
        startAt,
        onAccepted: keep('A'),
      }),
      runDevices({
        base: secondBase,
        world: { ...world, agents: world.agents.slice(half) },
        devices: world.agents.length - half,
        stop: () => stop,
        startAt: startAt + 30_000,
        onAccepted: keep('B'),
      }),
      sleep(loadMs).then(() => (stop = true)),
    ]);
    const accepted = new Set([...throughA.accepted, ...throughB.accepted]);
    const ledger = await checkLedger(client, world, accepted);
    const drained = await waitForOutboxDrained(client, world, timeoutMs);
    const onss = await checkOnssExactlyOnce(client, world, stack.simulator, stack.clientId);
    const webhooksDelivered = await waitFor(
      async () => {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from webhook_deliveries where tenant_id = $1 and status = 'delivered'`,
          [world.tenantId],
        );
        return rows[0]!.n >= accepted.size;
      },
      timeoutMs,
      250,
    );
    await waitFor(async () => smtp.received.length >= emails, timeoutMs, 250);
    // A second copy would arrive shortly after the first: give it the time to.
    await sleep(1_000);
    const boardsComplete = await waitFor(
      async () =>
        boards.every((board) => {
          const arrivals = arrivalsOn(board);
          return [...acceptedRegistrations.keys()].every((key) => arrivals.has(key));
        }),
      timeoutMs,
      250,
    );
    await Promise.all(boards.map((board) => board.close()));
    const subjects = smtp.received.map((message) => message.subject);
    const { rows: unsent } = await client.query<{ n: number }>(
      `select count(*)::int as n from email_outbox where status <> 'sent'`,
    );
    for (const server of servers) server.child.kill('SIGTERM');
    const exitCodes = await Promise.all(servers.map((server) => server.exited));
    return {
      throughA,
      throughB,
      ledger,
      drained,
      onss,
      webhooksDelivered,
      webhooks: {
        events: receiver.received.size,
        twice: [...receiver.received.values()].filter((copies) => copies > 1).length,
      },
      emails: {
        queued: emails,
        received: subjects.length,
        distinct: new Set(subjects).size,
        unsentRows: unsent[0]!.n,
      },
      boardsComplete,
      boards: {
        onA: checkBoard(boardOnA, acceptedRegistrations),
        onB: checkBoard(boardOnB, acceptedRegistrations),
      },
      crossProcessLatency: {
        aToB: latencyTo(boardOnB, acceptedRegistrations, 'A'),
        bToA: latencyTo(boardOnA, acceptedRegistrations, 'B'),
      },
      exitCodes,
    };
  } finally {
    await Promise.all(boards.map((board) => board.close()));
    await receiver.close();
    await smtp.close();
  }
}
