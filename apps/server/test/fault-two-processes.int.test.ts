import { expect, it } from 'vitest';
import { summarise } from './support/fault-load.js';
import { twoProcesses } from './support/fault-scenarios.js';
import { describeFault, expectNothingLostOrTwice } from './support/fault-suite.js';

// Live updates across processes under load, here; their other cases (one registration, a cut LISTEN
// connection): presence-processes.int.test.ts.
describeFault('two API processes on one PostgreSQL', 50, (stack) => {
  it('sends each ONSS registration, webhook and e-mail once although both processes run every worker, and pushes each registration once to the live boards on both', async ({
    annotate,
  }) => {
    const outcome = await twoProcesses(stack(), { loadMs: 8_000, emails: 100 });
    const { throughA, throughB, ledger, onss } = outcome;
    await annotate(
      `two processes: ${JSON.stringify({ throughA: summarise(throughA), throughB: summarise(throughB), onss, webhooks: outcome.webhooks, emails: outcome.emails })}`,
    );
    await annotate(
      `live boards: ${JSON.stringify(outcome.boards)}; ms from the accepted answer to the other process's board (p95FromSending: from the request leaving): ${JSON.stringify(outcome.crossProcessLatency)}`,
    );
    expect(throughA.accepted.size).toBeGreaterThan(10);
    expect(throughB.accepted.size).toBeGreaterThan(10);
    expect([...throughA.refused, ...throughB.refused]).toEqual([]);
    const accepted = throughA.accepted.size + throughB.accepted.size;
    expectNothingLostOrTwice(ledger, accepted);

    expect(outcome.drained).toBe(true);
    expect(onss).toEqual({ rows: ledger.outboxRows, unsent: 0, sentTwice: 0, strangers: 0 });
    // One webhook per registration, delivered once.
    expect(outcome.webhooksDelivered).toBe(true);
    expect(outcome.webhooks).toEqual({ events: accepted, twice: 0 });
    // Every queued e-mail reached the SMTP server once.
    expect(outcome.emails).toEqual({ queued: 100, received: 100, distinct: 100, unsentRows: 0 });
    // Every registration, whichever process took it, reached the board on A and the board on B once.
    expect(outcome.boardsComplete).toBe(true);
    const everyOnce = { pushed: accepted, missing: 0, twice: 0, strangers: 0, resyncs: 0 };
    expect(outcome.boards).toEqual({ onA: everyOnce, onB: everyOnce });
    expect(outcome.crossProcessLatency.aToB.count).toBe(throughA.accepted.size);
    expect(outcome.crossProcessLatency.bToA.count).toBe(throughB.accepted.size);
    expect(outcome.exitCodes).toEqual([0, 0]);
  }, 180_000);
});
