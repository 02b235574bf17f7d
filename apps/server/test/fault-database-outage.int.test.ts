import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  checkLedger,
  checkOnssExactlyOnce,
  runDevices,
  startFaultStack,
  summarise,
  waitForOutboxDrained,
  waitForStatus,
  type FaultStack,
} from './support/fault-load.js';
import { findPostgresBinDir } from './support/postgres-cluster.js';

// Stops PostgreSQL itself: a throwaway cluster of its own, on the PostgreSQL run only.
const binDir = inject('databaseKind') === 'postgres' ? findPostgresBinDir() : undefined;

describe.runIf(binDir)(
  'fault: PostgreSQL stopped under load (PostgreSQL run only: skipped on PGlite)',
  () => {
    let stack: FaultStack;
    beforeAll(async () => {
      stack = await startFaultStack(binDir!, 50);
    }, 60_000);
    afterAll(async () => {
      await stack?.close();
    });

    it('answers 503 problem+json while it is down, stays up, recovers by itself and loses nothing', async ({
      annotate,
    }) => {
      const server = await stack.startServer();
      let stopDevices = false;
      const loadStartedAt = performance.now();
      const devices = runDevices({
        base: stack.base,
        world: stack.world,
        devices: 50,
        stop: () => stopDevices,
        startAt: Math.floor(Date.now() / 1000) * 1000 - 86_400_000,
        // A request never waits longer than this, even with the database gone.
        requestTimeoutMs: 10_000,
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await stack.cluster.halt();
      const haltedAt = performance.now();

      const notReadyAfterMs = await waitForStatus(`${stack.base}/health/ready`, 503, 10_000);
      expect((await fetch(`${stack.base}/health/live`)).status).toBe(200);
      const state = await fetch(`${stack.base}/api/agent/v1/state`, {
        headers: { authorization: `Bearer ${stack.world.agents[0]!.token}` },
      });
      expect(state.status).toBe(503);
      expect(state.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(state.headers.get('retry-after')).toBe('5');
      expect(await state.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 8_000 - (performance.now() - haltedAt))),
      );

      await stack.cluster.resume();
      const resumedAt = performance.now();
      const readyAfterMs = await waitForStatus(`${stack.base}/health/ready`, 200, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      stopDevices = true;
      const run = await devices;
      const accepted = run.acceptedAt.map((at) => loadStartedAt + at);
      const acceptedDuringOutage = accepted.filter((at) => at > haltedAt + 1_000 && at < resumedAt).length;
      const acceptedAfter = accepted.filter((at) => at > resumedAt);
      expect(server.child.exitCode).toBe(null);
      await annotate(
        `database outage: ${JSON.stringify({
          ...summarise(run),
          outageMs: Math.round(resumedAt - haltedAt),
          notReadyAfterMs,
          readyAfterMs,
          firstAcceptedAfterResumeMs: Math.round(Math.min(...acceptedAfter) - resumedAt),
          acceptedAfterResume: acceptedAfter.length,
        })}`,
      );

      expect(run.refused).toEqual([]);
      expect(run.unanswered).toBe(0);
      expect(run.notProblemJson).toBe(0);
      // Only successes and 503: never a 500, never a cut connection.
      expect([...run.statuses.keys()].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
      expect(run.statuses.get(503) ?? 0).toBeGreaterThan(0);
      // Nothing is taken while the database is down, and registrations are taken again without a restart.
      expect(acceptedDuringOutage).toBe(0);
      expect(acceptedAfter.length).toBeGreaterThan(10);

      const client = await stack.reconnect();
      const ledger = await checkLedger(client, stack.world, run.accepted);
      expect(ledger).toMatchObject({
        lost: [],
        duplicates: 0,
        agentsWithTwoOpenSessions: 0,
        sessionMismatches: 0,
        outboxMismatches: 0,
      });
      expect(ledger.stored).toBe(run.accepted.size);
      expect(await waitForOutboxDrained(client, stack.world, 60_000)).toBe(true);
      const onss = await checkOnssExactlyOnce(client, stack.world, stack.simulator, stack.clientId);
      expect(onss).toEqual({ rows: ledger.outboxRows, unsent: 0, sentTwice: 0, strangers: 0 });

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }, 180_000);
  },
);
