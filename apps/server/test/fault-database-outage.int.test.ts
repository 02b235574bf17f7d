import { expect, it } from 'vitest';
import { summarise } from './support/fault-load.js';
import { databaseOutageUnderLoad } from './support/fault-scenarios.js';
import { describeFault, expectNothingLostOrTwice } from './support/fault-suite.js';

describeFault('PostgreSQL stopped under load', 50, (stack) => {
  it('answers 503 problem+json while it is down, stays up, recovers by itself and loses nothing', async ({
    annotate,
  }) => {
    const outcome = await databaseOutageUnderLoad(stack(), {
      loadBeforeMs: 3_000,
      outageMs: 8_000,
      loadAfterMs: 4_000,
    });
    const { run, ledger, onss } = outcome;
    await annotate(
      `database outage: ${JSON.stringify({ ...summarise(run), ...outcome, run: undefined, ledger: undefined })}`,
    );

    // Down: not ready, alive, and a structured 503 the app retries on.
    expect(outcome.liveStatus).toBe(200);
    expect(outcome.probe).toMatchObject({
      status: 503,
      contentType: expect.stringMatching(/^application\/problem\+json/),
      retryAfter: '5',
      body: { status: 503, code: 'DATABASE_UNAVAILABLE' },
    });
    // Only successes and 503 (never a 500, never a cut connection), each within the bound.
    expect([...run.statuses.keys()].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(run.statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(run.notProblemJson).toBe(0);
    expect(run.unanswered).toBe(0);
    expect(run.refused).toEqual([]);
    // The process never stopped; nothing was taken while the database was down, and registrations
    // were taken again without a restart.
    expect(outcome.exitedDuringRun).toBe(null);
    expect(outcome.acceptedDuringOutage).toBe(0);
    expect(outcome.acceptedAfter).toBeGreaterThan(10);
    // The live board's LISTEN connection came back by itself (its reconnect delay grows to 5 s).
    expect(outcome.listeningAgainAfterMs).toBeLessThan(10_000);

    expectNothingLostOrTwice(ledger, run.accepted.size);
    expect(outcome.drained).toBe(true);
    expect(onss).toEqual({ rows: ledger.outboxRows, unsent: 0, sentTwice: 0, strangers: 0 });
    expect(outcome.exitCode).toBe(0);
  }, 180_000);
});
