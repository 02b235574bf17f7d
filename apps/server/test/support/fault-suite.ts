import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { startFaultStack, type FaultStack, type LedgerCheck } from './fault-load.js';
import { findPostgresBinDir } from './postgres-cluster.js';

/**
 * A fault suite: it stops processes and clusters, so it runs on the PostgreSQL run only, on a
 * throwaway cluster of its own with `devices` simulated phones (nothing it does disturbs the other
 * test files), and says so in its title on PGlite, where it is skipped.
 */
export function describeFault(title: string, devices: number, body: (stack: () => FaultStack) => void) {
  const binDir = inject('databaseKind') === 'postgres' ? findPostgresBinDir() : undefined;
  describe.runIf(binDir)(`fault: ${title} (PostgreSQL run only: skipped on PGlite)`, () => {
    let stack: FaultStack;
    beforeAll(async () => {
      stack = await startFaultStack(binDir!, devices);
    }, 120_000);
    afterAll(async () => {
      await stack?.close();
    });
    body(() => stack);
  });
}

/**
 * The end of every fault scenario: each accepted registration stored once, its session and ONSS
 * row consistent, and nothing stored that no device was told about (`accepted` answers in all).
 */
export function expectNothingLostOrTwice(ledger: LedgerCheck, accepted: number) {
  expect(ledger).toMatchObject({
    lost: [],
    duplicates: 0,
    agentsWithTwoOpenSessions: 0,
    sessionMismatches: 0,
    outboxMismatches: 0,
  });
  expect(ledger.stored).toBe(accepted);
}
