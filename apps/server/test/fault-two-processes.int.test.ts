import { expect, it } from 'vitest';
import { summarise } from './support/fault-load.js';
import { twoProcesses } from './support/fault-scenarios.js';
import { describeFault } from './support/fault-suite.js';

// Live updates across processes: presence-processes.int.test.ts.
describeFault('two API processes on one PostgreSQL', 50, (stack) => {
  it('sends each ONSS registration, webhook and e-mail once although both processes run every worker', async ({
    annotate,
  }) => {
    const outcome = await twoProcesses(stack(), { loadMs: 8_000, emails: 100 });
    const { throughA, throughB, ledger, onss } = outcome;
    await annotate(
      `two processes: ${JSON.stringify({ throughA: summarise(throughA), throughB: summarise(throughB), onss, webhooks: outcome.webhooks, emails: outcome.emails })}`,
    );
    expect(throughA.accepted.size).toBeGreaterThan(10);
    expect(throughB.accepted.size).toBeGreaterThan(10);
    expect([...throughA.refused, ...throughB.refused]).toEqual([]);
    const accepted = throughA.accepted.size + throughB.accepted.size;
    expect(ledger).toMatchObject({
      lost: [],
      duplicates: 0,
      agentsWithTwoOpenSessions: 0,
      sessionMismatches: 0,
      outboxMismatches: 0,
    });
    expect(ledger.stored).toBe(accepted);

    expect(outcome.drained).toBe(true);
    expect(onss).toEqual({ rows: ledger.outboxRows, unsent: 0, sentTwice: 0, strangers: 0 });
    // One webhook per registration, delivered once.
    expect(outcome.webhooksDelivered).toBe(true);
    expect(outcome.webhooks).toEqual({ events: accepted, twice: 0 });
    // Every queued e-mail reached the SMTP server once.
    expect(outcome.emails).toEqual({ queued: 100, received: 100, distinct: 100, unsentRows: 0 });
    expect(outcome.exitCodes).toEqual([0, 0]);
  }, 180_000);
});
