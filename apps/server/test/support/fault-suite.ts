import { afterAll, beforeAll, describe, inject } from 'vitest';
import { startFaultStack, type FaultStack } from './fault-load.js';
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
