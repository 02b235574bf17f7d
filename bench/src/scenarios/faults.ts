import { findPostgresBinDir } from '../../../apps/server/test/support/postgres-cluster.js';
import {
  startFaultStack,
  type DeviceRun,
  type FaultStack,
} from '../../../apps/server/test/support/fault-load.js';
import {
  crashUnderLoad,
  databaseOutageUnderLoad,
  twoProcesses,
} from '../../../apps/server/test/support/fault-scenarios.js';
import type { ScenarioResult } from '../report.js';

/** Runs `scenario` on a fresh stack (its own throwaway cluster) and always tears it down. */
async function onStack<T>(binDir: string, scenario: (stack: FaultStack) => Promise<T>): Promise<T> {
  const stack = await startFaultStack(binDir, 50);
  try {
    return await scenario(stack);
  } finally {
    await stack.close();
  }
}

const rows = (
  scenario: string,
  runs: number,
  figures: [string, number, string, string?][],
): ScenarioResult[] =>
  figures.map(([metric, value, unit, target]) => ({
    scenario,
    metric,
    value,
    unit,
    runs,
    ...(target ? { target } : {}),
  }));

const deviceFigures = (run: DeviceRun): [string, number, string, string?][] => [
  ['registrations accepted', run.accepted.size, ''],
  ['accepted on a retry (first answer lost)', run.acceptedOnRetry, ''],
  ['retried sendings', run.retries, ''],
  ['refused (4xx) or unanswered', run.refused.length + run.unanswered, '', '0'],
];

/**
 * The fault scenarios of docs/reliability.md at full length (the fault tests run them short): the
 * server killed under load, PostgreSQL stopped for 30 s, two API processes. Each ends with the check
 * that nothing accepted was lost or stored or sent twice; a failed check fails the bench.
 */
export async function faultsScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL binaries are needed (apt-get install postgresql)');
  const results: ScenarioResult[] = [];
  const problems: string[] = [];
  const expectZero = (what: string, value: number) => {
    if (value !== 0) problems.push(`${what}: ${value}`);
  };

  const crash = await onStack(binDir, (stack) =>
    crashUnderLoad(stack, { loadBeforeMs: quick ? 6_000 : 20_000, loadAfterMs: quick ? 4_000 : 20_000 }),
  );
  results.push(
    ...rows('faults: kill -9', crash.run.accepted.size, [
      ...deviceFigures(crash.run),
      ['lost', crash.ledger.lost.length, '', '0'],
      ['stored twice', crash.ledger.duplicates, '', '0'],
      ['ONSS rows held by the killed process', crash.interrupted, ''],
      ['ONSS rows sent twice or never', crash.onss.sentTwice + crash.onss.unsent, '', '0'],
      ['restart to ready (tsx)', crash.restartMs, 'ms'],
      ['ONSS outbox settled after the load', crash.drainMs, 'ms', '≈ ONSS_CLAIM_SECONDS'],
    ]),
  );
  expectZero('kill -9: lost', crash.ledger.lost.length);
  expectZero('kill -9: stored twice', crash.ledger.duplicates);
  expectZero('kill -9: ONSS sent twice', crash.onss.sentTwice);
  expectZero('kill -9: ONSS never sent', crash.onss.unsent);

  const outage = await onStack(binDir, (stack) =>
    databaseOutageUnderLoad(stack, {
      loadBeforeMs: quick ? 3_000 : 10_000,
      outageMs: quick ? 8_000 : 30_000,
      loadAfterMs: quick ? 4_000 : 10_000,
    }),
  );
  const outageOther = [...outage.run.statuses.entries()]
    .filter(([status]) => ![200, 201, 503].includes(status))
    .reduce((sum, [, count]) => sum + count, 0);
  results.push(
    ...rows('faults: PostgreSQL stopped', outage.run.accepted.size, [
      ...deviceFigures(outage.run),
      ['outage', outage.outageMs, 'ms'],
      ['503 answers during the outage', outage.run.statuses.get(503) ?? 0, ''],
      ['answers other than 2xx/503 (500, cut)', outageOther, '', '0'],
      ['readiness 503 after the stop', outage.notReadyAfterMs, 'ms'],
      ['readiness 200 after PostgreSQL is back', outage.readyAfterMs, 'ms'],
      ['first registration accepted after PostgreSQL is back', outage.firstAcceptedAfterMs, 'ms'],
      [
        'live-board event bridge listening again after PostgreSQL is back',
        outage.listeningAgainAfterMs,
        'ms',
      ],
      ['lost', outage.ledger.lost.length, '', '0'],
      ['stored twice', outage.ledger.duplicates, '', '0'],
    ]),
  );
  expectZero('outage: answers other than 2xx/503', outageOther);
  expectZero('outage: lost', outage.ledger.lost.length);
  expectZero('outage: stored twice', outage.ledger.duplicates);
  if (outage.exitedDuringRun !== null) problems.push('outage: the server process exited');

  const two = await onStack(binDir, (stack) =>
    twoProcesses(stack, { loadMs: quick ? 8_000 : 30_000, emails: 200 }),
  );
  const twoAccepted = two.throughA.accepted.size + two.throughB.accepted.size;
  const { onA, onB } = two.boards;
  const boardsMissing = onA.missing + onB.missing;
  const boardsTwice = onA.twice + onB.twice;
  results.push(
    ...rows('faults: two API processes', twoAccepted, [
      ['registrations accepted through A', two.throughA.accepted.size, ''],
      ['registrations accepted through B', two.throughB.accepted.size, ''],
      ['lost', two.ledger.lost.length, '', '0'],
      ['ONSS rows sent twice or never', two.onss.sentTwice + two.onss.unsent, '', '0'],
      ['webhook events received', two.webhooks.events, ''],
      ['webhook events received twice', two.webhooks.twice, '', '0'],
      ['e-mails received (of 200 queued)', two.emails.received, ''],
      ['e-mails received twice', two.emails.received - two.emails.distinct, '', '0'],
      ['live boards (one per process): registrations missing', boardsMissing, '', '0'],
      ['live boards: registrations pushed twice', boardsTwice, '', '0'],
      ['live board p95, answer on A → board on B', two.crossProcessLatency.aToB.p95, 'ms', '< 1000 ms'],
      ['live board p95, answer on B → board on A', two.crossProcessLatency.bToA.p95, 'ms', '< 1000 ms'],
    ]),
  );
  expectZero('two processes: live board missing', boardsMissing);
  expectZero('two processes: live board twice', boardsTwice);
  expectZero('two processes: lost', two.ledger.lost.length);
  expectZero('two processes: ONSS sent twice', two.onss.sentTwice);
  expectZero('two processes: webhooks twice', two.webhooks.twice);
  expectZero('two processes: e-mails twice', two.emails.received - two.emails.distinct);
  if (two.webhooks.events !== twoAccepted)
    problems.push(`two processes: ${two.webhooks.events} webhooks for ${twoAccepted} registrations`);

  if (problems.length > 0) throw new Error(`fault scenarios found problems:\n${problems.join('\n')}`);
  return results;
}
