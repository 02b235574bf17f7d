import { expect, it } from 'vitest';
import { summarise } from './support/fault-load.js';
import { crashUnderLoad } from './support/fault-scenarios.js';
import { describeFault, expectNothingLostOrTwice } from './support/fault-suite.js';

describeFault('the server killed (SIGKILL) under load', 50, (stack) => {
  it('loses and duplicates nothing a device was told, and sends every In/Out to ONSS exactly once', async ({
    annotate,
  }) => {
    const outcome = await crashUnderLoad(stack(), { loadBeforeMs: 6_000, loadAfterMs: 4_000 });
    const { run, ledger, onss } = outcome;
    await annotate(
      `kill -9: ${JSON.stringify({ ...summarise(run), restartMs: outcome.restartMs, interrupted: outcome.interrupted, drainMs: outcome.drainMs, onss })}`,
    );

    expect(run.refused).toEqual([]);
    expect(run.accepted.size).toBeGreaterThan(50);
    // The kill cut requests in flight: their devices sent them again.
    expect(run.retries).toBeGreaterThan(0);
    expect(run.statuses.get(500) ?? 0).toBe(0);
    // Nothing was stored that no device was told about either: each device retried until answered.
    expectNothingLostOrTwice(ledger, run.accepted.size);

    // The killed process held ONSS rows whose call ONSS had processed; once their claims expired
    // (10 s here) the restarted one settled them by asking ONSS, and sent nothing twice.
    expect(outcome.interrupted).toBeGreaterThan(0);
    expect(outcome.drained).toBe(true);
    expect(onss).toEqual({ rows: ledger.outboxRows, unsent: 0, sentTwice: 0, strangers: 0 });
    expect(outcome.exitCode).toBe(0);
  }, 180_000);
});
