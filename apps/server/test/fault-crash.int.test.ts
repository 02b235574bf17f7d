import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  checkLedger,
  checkOnssExactlyOnce,
  runDevices,
  startFaultStack,
  summarise,
  waitForOutboxDrained,
  type FaultStack,
} from './support/fault-load.js';
import { findPostgresBinDir } from './support/postgres-cluster.js';

// The fault tests stop processes and clusters: they run on the PostgreSQL run only, each on a
// throwaway cluster of its own (so that nothing it does disturbs the other test files).
const binDir = inject('databaseKind') === 'postgres' ? findPostgresBinDir() : undefined;

describe.runIf(binDir)(
  'fault: the server killed (SIGKILL) under load (PostgreSQL run only: skipped on PGlite)',
  () => {
    let stack: FaultStack;
    beforeAll(async () => {
      stack = await startFaultStack(binDir!, 50);
    }, 60_000);
    afterAll(async () => {
      await stack?.close();
    });

    const heldCalls = async () => {
      const { calls } = await stack.simulator.admin<{ calls: { fault?: string; processed: boolean }[] }>(
        'GET',
        '/admin/received',
      );
      return calls.filter((call) => call.fault === 'timeout-after' && call.processed).length;
    };
    const waitFor = async (condition: () => Promise<boolean>, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    it('loses and duplicates nothing a device was told, and sends every In/Out to ONSS exactly once', async ({
      annotate,
    }) => {
      let server = await stack.startServer();
      let stopDevices = false;
      const devices = runDevices({
        base: stack.base,
        world: stack.world,
        devices: 50,
        stop: () => stopDevices,
        startAt: Math.floor(Date.now() / 1000) * 1000 - 86_400_000,
      });
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      // The worst moment for the ONSS worker: ONSS has processed its call but the answer has not come
      // back yet (the simulator holds it), so the killed process never recorded the ids.
      await stack.simulator.admin('PUT', '/admin/faults', {
        appliesTo: 'presenceRegistration',
        timeout: { rate: 1, hangMs: 60_000, when: 'after' },
      });
      await waitFor(async () => (await heldCalls()) > 0, 10_000);
      server.child.kill('SIGKILL');
      await server.exited;
      const killedAt = performance.now();
      await stack.simulator.admin('DELETE', '/admin/faults');
      const { rows } = await stack.client.query<{ n: number }>(
        "select count(*)::int as n from onss_registrations where status = 'sending'",
      );
      const interrupted = rows[0]!.n;
      expect(interrupted).toBeGreaterThan(0);
      server = await stack.startServer();
      const restartMs = performance.now() - killedAt;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      stopDevices = true;
      const run = await devices;
      await annotate(
        `kill -9: ${JSON.stringify({ ...summarise(run), restartMs: Math.round(restartMs), interrupted })}`,
      );

      expect(run.refused).toEqual([]);
      expect(run.accepted.size).toBeGreaterThan(50);
      // The kill cut requests in flight: their devices sent them again.
      expect(run.retries).toBeGreaterThan(0);
      expect(run.statuses.get(500) ?? 0).toBe(0);
      const ledger = await checkLedger(stack.client, stack.world, run.accepted);
      expect(ledger).toMatchObject({
        lost: [],
        duplicates: 0,
        agentsWithTwoOpenSessions: 0,
        sessionMismatches: 0,
        outboxMismatches: 0,
      });
      // Nothing was stored that no device was told about either: each device retried until answered.
      expect(ledger.stored).toBe(run.accepted.size);

      // The ONSS claims of the killed process expire (10 s here) and the restarted one finishes them.
      expect(await waitForOutboxDrained(stack.client, stack.world, 60_000)).toBe(true);
      const onss = await checkOnssExactlyOnce(stack.client, stack.world, stack.simulator, stack.clientId);
      await annotate(`kill -9, ONSS: ${JSON.stringify(onss)}`);
      expect(onss).toEqual({ rows: ledger.outboxRows, unsent: 0, sentTwice: 0, strangers: 0 });

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }, 180_000);
  },
);
