import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clockWorldDeclaration } from '../../../apps/server/test/support/onss-world.js';
import {
  findPostgresBinDir,
  startThrowawayCluster,
} from '../../../apps/server/test/support/postgres-cluster.js';
import { startCpuMeter } from '../cpu-meter.js';
import { LoadClient } from '../http-client.js';
import { startSimulatorProcess } from '../simulator-process.js';
import type { ScenarioResult } from '../report.js';
import { percentile, seed, startServer } from './ingestion.js';
import { connect, createDatabase } from './onss.js';

const serverMain = path.resolve(import.meta.dirname, '../../../apps/server/dist/main.js');
const resultsDir = path.resolve(import.meta.dirname, '../../results');
const RATE_PER_SECOND = 200;
// Each agent registers every 5 s, alternating arrival and departure.
const AGENTS = 1_000;
const SAMPLE_EVERY_MS = 10_000;

export interface SoakSample {
  /** Seconds since the load started. */
  at: number;
  rssMiB: number;
  heapUsedMiB: number;
  /** Registrations sent in the window, and the latency of those answered in it. */
  sent: number;
  p50: number;
  p99: number;
  errors: number;
  /** Registrations due but not yet answered at the sample: an open-loop queue building up shows here. */
  inFlight: number;
  onssOutboxDepth: number;
  onssOldestDueSeconds: number;
  /** Registered at ONSS, validity not fetched yet (the reconciliation's backlog). */
  awaitingValidity: number;
  /**
   * The server's event-loop lag (p99, ms) and the load generator's own: a latency that grows while
   * the server's loop stays prompt lies elsewhere.
   */
  serverLoopLagP99Ms: number;
  loadLoopDelayP99Ms: number;
  /** Server CPU in the window, in milliseconds per registration sent. */
  serverCpuMsPerRegistration: number;
}

/** Reads one gauge of the Prometheus text, summed over the series matching `labels`. */
function gauge(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let seen = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^(\w+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const series = Object.fromEntries(
      (match[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const [key, value] = pair.split('=');
          return [key!, value!.replace(/^"|"$/g, '')];
        }),
    );
    if (Object.entries(labels).every(([key, value]) => series[key] === value)) {
      total = name.includes('oldest') ? Math.max(total, Number(match[3])) : total + Number(match[3]);
      seen = true;
    }
  }
  return seen ? total : 0;
}

/** Least-squares slope of `y` over `x` (units of y per unit of x). */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  const num = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const den = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export interface SoakVerdict {
  rssFirstThird: number;
  rssLastThird: number;
  rssGrowthPercent: number;
  heapFloorFirstThird: number;
  heapFloorLastThird: number;
  p99FirstThird: number;
  p99LastThird: number;
  p99SlopeMsPerMinute: number;
  maxOutboxDepth: number;
  maxOldestDueSeconds: number;
  rssStable: boolean;
  latencyStable: boolean;
  outboxBounded: boolean;
  /** Registrations refused or unanswered after the warm-up. */
  errorsAfterWarmUp: number;
  stable: boolean;
}

/**
 * Stable when, after the warm-up: RSS grew by at most 10 % (median of the last third of the samples
 * against the first third), the p99 shows no upward trend (its last third at most 50 % above its first, or
 * its fitted slope adds less than half the median p99 over the run), and the ONSS outbox stays
 * bounded (never deeper than ten seconds of load, no row older than a minute); and every registration
 * sent after the warm-up was accepted.
 */
export function judgeSoak(samples: SoakSample[], warmUpSeconds: number): SoakVerdict {
  const steady = samples.filter((sample) => sample.at > warmUpSeconds);
  if (steady.length < 3) throw new Error(`soak: ${steady.length} samples after warm-up, need 3`);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const first = steady.slice(0, third);
  const last = steady.slice(-third);
  const median = (values: number[]) => percentile(values, 50);
  // Medians of thirds, not single samples: RSS follows the garbage collector's saw-tooth (V8 lets
  // the heap grow to a few hundred MiB between major collections), so two samples compare teeth.
  const rssFirstThird = median(first.map((s) => s.rssMiB));
  const rssLastThird = median(last.map((s) => s.rssMiB));
  const rssGrowthPercent = (100 * (rssLastThird - rssFirstThird)) / rssFirstThird;
  // What survives a major collection: a leak raises this floor, the saw-tooth does not.
  const heapFloorFirstThird = Math.min(...first.map((s) => s.heapUsedMiB));
  const heapFloorLastThird = Math.min(...last.map((s) => s.heapUsedMiB));
  const p99FirstThird = median(first.map((s) => s.p99));
  const p99LastThird = median(last.map((s) => s.p99));
  const p99SlopeMsPerMinute = slope(steady.map((s) => ({ x: s.at / 60, y: s.p99 }))) || 0;
  const spanMinutes = (steady.at(-1)!.at - steady[0]!.at) / 60;
  const medianP99 = percentile(
    steady.map((s) => s.p99),
    50,
  );
  const maxOutboxDepth = Math.max(...steady.map((s) => s.onssOutboxDepth));
  const maxOldestDueSeconds = Math.max(...steady.map((s) => s.onssOldestDueSeconds));
  const rssStable = rssGrowthPercent <= 10;
  const errorsAfterWarmUp = steady.reduce((sum, sample) => sum + sample.errors, 0);
  const latencyStable =
    p99LastThird <= p99FirstThird * 1.5 || p99SlopeMsPerMinute * spanMinutes < medianP99 * 0.5;
  const outboxBounded = maxOutboxDepth <= RATE_PER_SECOND * 10 && maxOldestDueSeconds <= 60;
  return {
    rssFirstThird,
    rssLastThird,
    rssGrowthPercent,
    heapFloorFirstThird,
    heapFloorLastThird,
    p99FirstThird,
    p99LastThird,
    p99SlopeMsPerMinute,
    maxOutboxDepth,
    maxOldestDueSeconds,
    rssStable,
    latencyStable,
    outboxBounded,
    errorsAfterWarmUp,
    stable: rssStable && latencyStable && outboxBounded && errorsAfterWarmUp === 0,
  };
}

/**
 * soak: a steady 200 registrations/s for 30 minutes (`--quick`: 1, `--minutes=N`) on the built
 * server over a throwaway PostgreSQL, its ONSS worker sending every In/Out to the simulator. The
 * load is open-loop — each registration leaves at its planned instant whether or not the previous
 * ones were answered, and its latency counts from that instant — so a server falling behind shows
 * as growing latency and requests in flight, not as a quietly lower rate. Every 10 s: RSS, heap,
 * that window's p50/p99, the outbox's depth and oldest age (from `/metrics`).
 */
export async function soakScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const minutesArg = process.argv.find((arg) => arg.startsWith('--minutes='))?.slice('--minutes='.length);
  const defaultMinutes = quick ? 1 : 30;
  const minutes = minutesArg ? Number(minutesArg) : defaultMinutes;
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number (got ${minutesArg})`);
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL binaries are needed (apt-get install postgresql)');
  if (!fs.existsSync(serverMain)) throw new Error('build first: npm run build');
  const durationMs = minutes * 60_000;
  // The first fifth (at least 20 s, at most 3 minutes): JIT, pools and caches filling up.
  const warmUpSeconds = Math.min(180, Math.max(20, (durationMs / 1000) * 0.2));

  // Validation after 2 s, as the simulator's default: the worker's reconciliation runs too. In its
  // own process, as ONSS is: the load generator's delays are then its own.
  const simulator = await startSimulatorProcess({ validationDelayMs: 2_000 });
  const cluster = await startThrowawayCluster(binDir).catch(async (error: unknown) => {
    await simulator.stop();
    throw error;
  });
  const { url, client } = await createDatabase(cluster, 'soak');
  const samples: SoakSample[] = [];
  try {
    await simulator.admin('PATCH', '/admin/reference-data', { declarations: [clockWorldDeclaration] });
    const world = await seed(client, AGENTS, 'SOAK');
    await connect(client, simulator, world.tenantId, 'bench-soak');
    const server = await startServer(url, { ONSS_SIMULATOR_URL: simulator.url });
    const load = new LoadClient(server.base, 256);
    try {
      const cpu = startCpuMeter(server.pid, cluster.dataDir);
      const started = performance.now();
      let window: number[] = [];
      let windowSent = 0;
      let windowErrors = 0;
      let inFlight = 0;
      const agentQueues: Promise<void>[] = Array.from({ length: AGENTS }, () => Promise.resolve());
      const refusals = new Map<string, number>();
      const refusal = (reason: string) => {
        windowErrors += 1;
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      };
      let sent = 0;
      let accepted = 0;
      const loadLoopDelay = monitorEventLoopDelay({ resolution: 10 });
      loadLoopDelay.enable();
      let lastServerCpuSeconds: number | undefined;
      const takeSample = async () => {
        const metrics = await (await fetch(`${server.base}/metrics`)).text();
        const awaiting = await client.query<{ n: number }>(
          `select count(*)::int as n from onss_registrations where status = 'registered'`,
        );
        const latencies = window;
        const sample: SoakSample = {
          at: Math.round((performance.now() - started) / 1000),
          rssMiB: gauge(metrics, 'ciao_process_resident_memory_bytes') / 2 ** 20,
          heapUsedMiB: gauge(metrics, 'ciao_nodejs_heap_size_used_bytes') / 2 ** 20,
          sent: windowSent,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          errors: windowErrors,
          inFlight,
          onssOutboxDepth: gauge(metrics, 'ciao_outbox_pending', { outbox: 'onss' }),
          onssOldestDueSeconds: gauge(metrics, 'ciao_outbox_oldest_due_seconds', { outbox: 'onss' }),
          awaitingValidity: awaiting.rows[0]!.n,
          serverLoopLagP99Ms: gauge(metrics, 'ciao_nodejs_eventloop_lag_p99_seconds') * 1000,
          loadLoopDelayP99Ms: loadLoopDelay.percentile(99) / 1e6,
          serverCpuMsPerRegistration: 0,
        };
        const serverCpuSeconds = gauge(metrics, 'ciao_process_cpu_seconds_total');
        if (lastServerCpuSeconds !== undefined && windowSent > 0)
          sample.serverCpuMsPerRegistration = ((serverCpuSeconds - lastServerCpuSeconds) * 1000) / windowSent;
        lastServerCpuSeconds = serverCpuSeconds;
        loadLoopDelay.reset();
        window = [];
        windowSent = 0;
        windowErrors = 0;
        samples.push(sample);
        console.log(
          `soak ${String(sample.at).padStart(5)} s: rss ${sample.rssMiB.toFixed(0)} MiB, heap ${sample.heapUsedMiB.toFixed(0)} MiB, ` +
            `${sample.sent} sent, p50 ${sample.p50.toFixed(1)} ms, p99 ${sample.p99.toFixed(1)} ms, ${sample.errors} errors, ` +
            `${sample.inFlight} in flight, outbox ${sample.onssOutboxDepth} (oldest ${sample.onssOldestDueSeconds.toFixed(1)} s), ` +
            `${sample.awaitingValidity} awaiting validity, server CPU ${sample.serverCpuMsPerRegistration.toFixed(2)} ms/reg, ` +
            `loop lag p99 server ${sample.serverLoopLagP99Ms.toFixed(0)} ms / load ${sample.loadLoopDelayP99Ms.toFixed(0)} ms`,
        );
      };
      const sampler = setInterval(
        () =>
          void takeSample().catch((error: Error) => console.error(`soak: sample failed: ${error.message}`)),
        SAMPLE_EVERY_MS,
      );

      // Each agent alternates arrival and departure, so every registration is an In or an Out for ONSS.
      const steps = Math.round((durationMs / 1000) * RATE_PER_SECOND);
      const intervalMs = 1000 / RATE_PER_SECOND;
      for (let step = 0; step < steps; step += 1) {
        const plannedAt = started + step * intervalMs;
        const wait = plannedAt - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        const agent = world.agents[step % AGENTS]!;
        const body = {
          id: randomUUID(),
          taskId: world.taskId,
          action: Math.floor(step / AGENTS) % 2 === 0 ? 'ARRIVE' : 'LEAVE',
          deviceTime: new Date().toISOString(),
          position: { latitude: 50.8276, longitude: 4.3652, accuracyMeters: 8 },
          appVersion: 'bench',
        };
        inFlight += 1;
        sent += 1;
        windowSent += 1;
        // A phone sends its registrations one after the other (its queue is sequential): an
        // agent's next one waits for the previous answer, and its latency still counts from its
        // planned instant. Sent side by side, a slow answer let a departure overtake its arrival.
        const agentIndex = step % AGENTS;
        agentQueues[agentIndex] = agentQueues[agentIndex]!.then(() =>
          load
            .post('/api/agent/v1/clock-events', body, { authorization: `Bearer ${agent.token}` })
            .then(
              (response) => {
                if (response.status === 201) accepted += 1;
                else refusal(`${response.status} ${response.body.slice(0, 120)}`);
              },
              (error: Error) => refusal(error.message),
            )
            .finally(() => {
              inFlight -= 1;
              window.push(performance.now() - plannedAt);
            }),
        );
      }
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      clearInterval(sampler);
      loadLoopDelay.disable();
      await takeSample();
      const cpuMs = cpu.stop(sent);

      // Everything accepted reaches ONSS once the load stops.
      const drainUntil = Date.now() + 60_000;
      let unsent = Infinity;
      while (Date.now() < drainUntil) {
        const left = await client.query<{ n: number }>(
          `select count(*)::int as n from onss_registrations where status in ('to_send', 'sending', 'send_failing')`,
        );
        unsent = left.rows[0]!.n;
        if (unsent === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const outboxRows = await client.query<{ n: number }>(
        `select count(*)::int as n from onss_registrations`,
      );
      const atOnss = (await simulator.admin<{ registrations: unknown[] }>('GET', '/admin/registrations'))
        .registrations.length;

      const verdict = judgeSoak(samples, warmUpSeconds);
      const notAccepted = sent - accepted;
      fs.mkdirSync(resultsDir, { recursive: true });
      fs.writeFileSync(
        path.join(resultsDir, 'soak-samples.json'),
        `${JSON.stringify({ minutes, warmUpSeconds, sent, accepted, atOnss, verdict, samples }, null, 2)}\n`,
      );
      console.log(
        `soak: ${sent} sent, ${accepted} accepted, ${outboxRows.rows[0]!.n} outbox rows, ${atOnss} at ONSS, ${unsent} unsent after the drain; ` +
          `CPU/registration: server ${cpuMs.server.toFixed(2)} ms, PostgreSQL ${cpuMs.postgres.toFixed(2)} ms; verdict ${JSON.stringify(verdict)}`,
      );
      if (refusals.size > 0) console.log('soak: not accepted:', Object.fromEntries(refusals));
      if (unsent !== 0 || atOnss !== accepted)
        throw new Error(`soak: ${atOnss} of ${accepted} registrations at ONSS, ${unsent} still unsent`);

      const label = `${minutes} min at ${RATE_PER_SECOND}/s`;
      const row = (metric: string, value: number, unit: string, target?: string): ScenarioResult => ({
        scenario: 'soak',
        metric: `${metric} (${label})`,
        value,
        unit,
        runs: samples.length,
        ...(target ? { target } : {}),
      });
      return [
        row('stable (1 = yes): RSS, p99, ONSS outbox depth, no refusal', verdict.stable ? 1 : 0, '', '1'),
        row('registrations not accepted (whole run, warm-up included)', notAccepted, '', '0 after warm-up'),
        row('server RSS after warm-up, first third (median)', verdict.rssFirstThird, 'MiB'),
        row('server RSS, last third (median)', verdict.rssLastThird, 'MiB'),
        row('server RSS growth after warm-up', verdict.rssGrowthPercent, '%', '≤ 10 %'),
        row(
          'server heap after a major collection, first third (least sample)',
          verdict.heapFloorFirstThird,
          'MiB',
        ),
        row(
          'server heap after a major collection, last third (least sample)',
          verdict.heapFloorLastThird,
          'MiB',
        ),
        row('registration latency p99, first third (median of 10 s windows)', verdict.p99FirstThird, 'ms'),
        row(
          'registration latency p99, last third (median of 10 s windows)',
          verdict.p99LastThird,
          'ms',
          'no upward trend',
        ),
        row('ONSS outbox depth, most in a sample', verdict.maxOutboxDepth, 'rows', '≤ 2000 (10 s of load)'),
        row('ONSS outbox oldest due row, most in a sample', verdict.maxOldestDueSeconds, 's', '≤ 60 s'),
        row('registered at ONSS awaiting validity at the end', samples.at(-1)!.awaitingValidity, 'rows'),
      ];
    } finally {
      load.close();
      await server.stop();
    }
  } finally {
    await client.end();
    await simulator.stop();
    await cluster.stop();
  }
}
