// The ONSS outbox worker: sends the registrations the clock flow left "to_send", per tenant in calls
// of at most 200, and later fetches ONSS's asynchronous verdict. Nothing is ever dropped: every
// claimed row ends registered, refused, failing (retried later) or needing attention, and a row
// left "sending" by a crash is claimed again once its claim expires.
import type { OnssRegistrationContent } from '@ciao/domain';
import type { FastifyBaseLogger } from 'fastify';
import { recordOnssPass } from '../features/metrics/metrics.js';
import type { AppContext } from '../http/app-context.js';
import {
  OnssCallError,
  OnssTokenCache,
  type OnssClient,
  type OnssRegistrationState,
} from '../onss/onss-client.js';
import { MAX_ITEMS_PER_CALL, MAX_SEARCH_RESULTS } from '../onss/onss-wire.js';
import { findOnssConnection, tenantOnssClient } from '../onss/tenant-onss-client.js';
import { CircuitBreakers } from './onss-circuit-breaker.js';
import {
  claimDueRows,
  markAttemptsFailed,
  type AttemptFailure,
  claimValidityChecks,
  postponeValidityChecks,
  recordRegistrationOutcomes,
  recordValidities,
  setAsideUntoldValidities,
  releaseRows,
  type ClaimedRow,
  type OutboxRow,
  type RegistrationOutcome,
  type ValidityOutcome,
} from './onss-outbox-repository.js';

export interface OnssOutboxOptions {
  /** Rows claimed per pass. */
  batchSize?: number;
  /** How long a claim protects a row; past it, another pass takes the row over (crash safety). */
  claimTtlMs?: number;
  /** Attempts before a row needs attention (a person looks at it; it stays visible). */
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
  circuit?: { failureThreshold: number; coolDownMs: number };
  /** Tenants served at once; each tenant has one call in flight at most. */
  tenantConcurrency?: number;
  timeoutMs?: number;
  /** Registered rows whose validity is fetched per reconciliation. */
  reconcileBatchSize?: number;
  /** Validity calls in flight at once for one company. */
  validityCallsPerTenant?: number;
  /**
   * Least time between two reconciliations. Validation at ONSS takes a while: polling at every pass
   * spent most of a large drain asking about rows still pending.
   */
  reconcileEveryMs?: number;
  random?: () => number;
  logger?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
}

export interface OnssPassSummary {
  claimed: number;
  registered: number;
  refused: number;
  retrying: number;
  needsAttention: number;
  released: number;
  validated: number;
  refusedOnValidation: number;
}

const emptySummary = (): OnssPassSummary => ({
  claimed: 0,
  registered: 0,
  refused: 0,
  retrying: 0,
  needsAttention: 0,
  released: 0,
  validated: 0,
  refusedOnValidation: 0,
});

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}

const VALIDITY_BACKLOG_DELAY_MS = 500;
/** How long a pass holds the registrations whose validity it asks (a dead process's come back after). */
const VALIDITY_LEASE_MS = 60_000;
/** A registration ONSS still has pending is asked again after a quarter of its age, within these. */
const VALIDITY_RECHECK = { minMs: 5_000, maxMs: 60 * 60_000 };
/**
 * ONSS gave an id when it registered the In/Out, so a read of that id answered "not found" is not
 * a delay of its own making: asked again (as a pending one) for an hour, then set aside for a
 * person to check at ONSS rather than asked every minute for ever.
 */
const UNKNOWN_TO_ONSS_GRACE_MS = 60 * 60_000;

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(size, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** The worker's state (circuits, tokens) and its pass; `startOnssWorker` runs it on a timer. */
export function createOnssOutbox(ctx: AppContext, options: OnssOutboxOptions = {}) {
  const {
    batchSize = 1_000,
    claimTtlMs = 120_000,
    maxAttempts = 10,
    backoff = { baseMs: 5_000, maxMs: 15 * 60_000 },
    tenantConcurrency = 4,
    timeoutMs = 15_000,
    reconcileBatchSize = 500,
    validityCallsPerTenant = 8,
    reconcileEveryMs = 10_000,
    random = Math.random,
    logger,
  } = options;
  const circuits = new CircuitBreakers(options.circuit ?? { failureThreshold: 5, coolDownMs: 30_000 });
  const tokenCache = new OnssTokenCache();
  let lastReconcileAt = -Infinity;
  let lastValidityBatch = { full: false, settled: 0 };

  const clientFor = async (tenantId: string) =>
    tenantOnssClient(await findOnssConnection(ctx.db, tenantId), {
      secretBox: ctx.secretBox,
      simulatorUrl: ctx.onss.simulatorUrl,
      tokenCache,
      now: ctx.now,
      timeoutMs,
    });

  /** Exponential backoff with jitter (half to all of the step), never sooner than Retry-After. */
  const nextAttempt = (attemptsSoFar: number, retryAfterMs: number | undefined, now: Date): Date => {
    const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attemptsSoFar));
    const delay = Math.max(step * (0.5 + random() * 0.5), retryAfterMs ?? 0);
    return new Date(now.getTime() + delay);
  };

  const failRows = async (rows: OutboxRow[], error: OnssCallError, summary: OnssPassSummary) => {
    const now = ctx.now();
    // A call that went unanswered (timeout, dropped connection, a 500) may have been processed:
    // sending it again blind would declare each presence twice (ONSS keeps both, the second with
    // the "same declaration" remark). Such rows are marked, like a dead process's, so that the next
    // attempt asks ONSS first.
    const outcomeUnknown = error.details.outcomeUnknown === true;
    const failures = rows.map((row): AttemptFailure => {
      const attempts = row.attempts + 1;
      const giveUp = error.kind === 'permanent' || attempts >= maxAttempts;
      let message = error.message;
      if (giveUp && outcomeUnknown)
        message = `Unknown whether ONSS received this registration (check at ONSS before sending it again): ${error.message} (gave up after ${attempts} attempts)`;
      else if (giveUp && error.kind !== 'permanent')
        message = `${error.message} (gave up after ${attempts} attempts)`;
      if (giveUp) summary.needsAttention += 1;
      else summary.retrying += 1;
      return {
        id: row.id,
        error: message,
        nextAttemptAt: giveUp ? null : nextAttempt(row.attempts, error.details.retryAfterMs, now),
        countsAsAttempt: true,
        outcomeUnknown,
      };
    });
    await markAttemptsFailed(ctx.db, failures, now);
  };

  const sendChunk = async (
    client: OnssClient,
    endpoint: string,
    rows: OutboxRow[],
    summary: OnssPassSummary,
  ) => {
    const results = await client.registerInBulk(
      rows.map((row) => row.payload as unknown as OnssRegistrationContent),
    );
    circuits.succeeded(endpoint);
    const outcomes = rows.map((row, index): RegistrationOutcome => {
      const result = results[index]!;
      return result.created
        ? { id: row.id, created: true, onssId: result.onssId, remarks: result.remarks }
        : {
            id: row.id,
            created: false,
            remarks: result.reasons.map((reason) => reason.description || reason.code),
          };
    });
    await recordRegistrationOutcomes(ctx.db, outcomes, ctx.now());
    for (const outcome of outcomes) {
      if (outcome.created) summary.registered += 1;
      else summary.refused += 1;
    }
  };

  /**
   * Rows a dead process was sending: ONSS may have registered them before the process could record
   * it. Sending again would declare the presence twice, so ONSS is asked first; a live registration
   * of the same In/Out is taken as this row's. Returns the rows still to send.
   */
  const settleInterrupted = async (
    client: OnssClient,
    endpointKey: string,
    rows: ClaimedRow[],
    summary: OnssPassSummary,
  ): Promise<ClaimedRow[]> => {
    const toSend: ClaimedRow[] = [];
    const failures: AttemptFailure[] = [];
    for (const row of rows) {
      if (!row.interrupted) {
        toSend.push(row);
        continue;
      }
      const content = row.payload as unknown as OnssRegistrationContent;
      const askedAt = ctx.now();
      if (!circuits.tryAcquire(endpointKey, askedAt.getTime())) {
        // ONSS is resting: ask it when the circuit allows, still without sending blind.
        failures.push({
          id: row.id,
          error: 'ONSS not asked yet: too many failed calls, waiting before trying again',
          nextAttemptAt: new Date(circuits.retryAt(endpointKey, askedAt.getTime())),
          // Counted, so that the wait grows while ONSS stays unable to answer.
          countsAsAttempt: true,
          outcomeUnknown: true,
        });
        summary.retrying += 1;
        continue;
      }
      try {
        const { items } = await client.search({
          from: content.at,
          to: content.at,
          niss: content.niss,
          workDeclarationNumber: content.workDeclarationNumber,
        });
        circuits.succeeded(endpointKey);
        const same = items.find(
          (item) =>
            item.validity !== 'cancelled' &&
            (item.direction === undefined || item.direction === content.direction),
        );
        if (!same) {
          toSend.push(row);
          continue;
        }
        logger?.info({ onssId: same.onssId }, 'ONSS outbox: an interrupted sending had reached ONSS');
        await recordRegistrationOutcomes(
          ctx.db,
          [{ id: row.id, created: true, onssId: same.onssId, remarks: same.remarks }],
          ctx.now(),
        );
        summary.registered += 1;
      } catch (error) {
        const failure =
          error instanceof OnssCallError
            ? error
            : new OnssCallError('retryable', `ONSS search failed: ${(error as Error).message}`);
        if (failure.kind === 'retryable') circuits.failed(endpointKey, ctx.now().getTime());
        else circuits.released(endpointKey);
        const now = ctx.now();
        if (failure.kind === 'permanent' || row.attempts + 1 >= maxAttempts) {
          // Its fate at ONSS stays unknown: a person checks ONSS before anything is sent again.
          failures.push({
            id: row.id,
            error: `Unknown whether ONSS received this registration (check at ONSS before sending it again): ${failure.message}`,
            nextAttemptAt: null,
            countsAsAttempt: true,
            outcomeUnknown: true,
          });
          summary.needsAttention += 1;
          continue;
        }
        // Never sent blind: the row stays marked, and ONSS is asked again at the next attempt.
        failures.push({
          id: row.id,
          error: failure.message,
          nextAttemptAt: nextAttempt(row.attempts, failure.details.retryAfterMs, now),
          countsAsAttempt: true,
          outcomeUnknown: true,
        });
        summary.retrying += 1;
      }
    }
    await markAttemptsFailed(ctx.db, failures, ctx.now());
    return toSend;
  };

  const sendTenant = async (tenantId: string, claimed: ClaimedRow[], summary: OnssPassSummary) => {
    const built = await clientFor(tenantId);
    if (!built.ok) {
      await markAttemptsFailed(
        ctx.db,
        claimed.map((row) => ({
          id: row.id,
          error: built.reason,
          nextAttemptAt: null,
          countsAsAttempt: false,
          outcomeUnknown: row.interrupted,
        })),
        ctx.now(),
      );
      summary.needsAttention += claimed.length;
      return;
    }
    const { client, endpointKey } = built;
    const rows = await settleInterrupted(client, endpointKey, claimed, summary);
    for (let start = 0; start < rows.length; start += MAX_ITEMS_PER_CALL) {
      const chunk = rows.slice(start, start + MAX_ITEMS_PER_CALL);
      const now = ctx.now();
      if (!circuits.tryAcquire(endpointKey, now.getTime())) {
        const rest = rows.slice(start);
        await releaseRows(
          ctx.db,
          rest.map((row) => row.id),
          new Date(circuits.retryAt(endpointKey, now.getTime())),
          now,
        );
        summary.released += rest.length;
        return;
      }
      try {
        await sendChunk(client, endpointKey, chunk, summary);
      } catch (error) {
        const failure =
          error instanceof OnssCallError
            ? error
            : new OnssCallError('retryable', `ONSS call failed: ${(error as Error).message}`);
        if (failure.kind === 'retryable') circuits.failed(endpointKey, ctx.now().getTime());
        else circuits.released(endpointKey);
        logger?.warn(
          { tenantId, kind: failure.kind, status: failure.details.status, items: chunk.length },
          failure.message,
        );
        await failRows(chunk, failure, summary);
      }
    }
  };

  /**
   * The verdicts ONSS has given on `rows` (one company's, oldest registration first), by searching
   * the period they span: one call answers for up to 500 registrations, where reading them one by
   * one cost a call each. A period holding more than a search yields is split in two. Returns the
   * registrations found (settled or still pending); `halted` when ONSS is not to be asked now.
   */
  const validitiesBySearch = async (
    client: OnssClient,
    validityKey: string,
    rows: readonly OutboxRow[],
  ): Promise<{ found: Map<string, OnssRegistrationState>; halted: boolean }> => {
    const found = new Map<string, OnssRegistrationState>();
    let halted = false;
    const searchPeriod = async (period: readonly OutboxRow[]): Promise<void> => {
      if (halted || period.length === 0) return;
      if (!circuits.tryAcquire(validityKey, ctx.now().getTime())) {
        halted = true;
        return;
      }
      const query = {
        from: period[0]!.registrationTime.toISOString(),
        to: period.at(-1)!.registrationTime.toISOString(),
        pageSize: MAX_SEARCH_RESULTS,
      };
      try {
        const first = await client.search(query);
        if (first.truncated && period.length > 1) {
          circuits.succeeded(validityKey);
          const half = Math.ceil(period.length / 2);
          await searchPeriod(period.slice(0, half));
          await searchPeriod(period.slice(half));
          return;
        }
        const items = [...first.items];
        // ONSS may serve fewer per page than asked (SOAP's pages are 50 by default).
        for (let page = 2; page <= first.totalPages; page += 1)
          items.push(...(await client.search({ ...query, page })).items);
        circuits.succeeded(validityKey);
        for (const item of items) found.set(item.onssId, item);
      } catch (error) {
        const kind = error instanceof OnssCallError ? error.kind : 'retryable';
        if (kind === 'retryable') circuits.failed(validityKey, ctx.now().getTime());
        else circuits.released(validityKey);
        logger?.warn(
          { registrations: period.length },
          `ONSS validities not searched: ${(error as Error).message}`,
        );
        halted = true;
      }
    };
    await searchPeriod(rows);
    return { found, halted };
  };

  /**
   * Reads registrations one by one (what a search did not find): returns what ONSS answered, and
   * the rows it refused to tell about (a 4xx: not found, not ours), which asking again at once
   * would not change.
   */
  const validitiesOneByOne = async (
    client: OnssClient,
    validityKey: string,
    rows: readonly OutboxRow[],
  ): Promise<{ found: Map<string, OnssRegistrationState>; untold: Map<string, string> }> => {
    const found = new Map<string, OnssRegistrationState>();
    const untold = new Map<string, string>();
    let halted = false;
    await inPool(rows, validityCallsPerTenant, async (row) => {
      if (halted || !row.onssId) return;
      if (!circuits.tryAcquire(validityKey, ctx.now().getTime())) {
        halted = true;
        return;
      }
      try {
        found.set(row.onssId, await client.getRegistration(row.onssId));
        circuits.succeeded(validityKey);
      } catch (error) {
        const kind = error instanceof OnssCallError ? error.kind : 'retryable';
        if (kind === 'retryable') circuits.failed(validityKey, ctx.now().getTime());
        else circuits.released(validityKey);
        logger?.warn({ onssId: row.onssId }, `ONSS validity not fetched: ${(error as Error).message}`);
        if (kind === 'permanent') untold.set(row.id, (error as Error).message);
        else halted = true;
      }
    });
    return { found, untold };
  };

  /** Fetches a batch of validities; says whether the batch was full (more may be waiting). */
  const reconcile = async (summary: OnssPassSummary): Promise<{ full: boolean }> => {
    const now = ctx.now();
    const rows = await claimValidityChecks(
      ctx.db,
      now,
      new Date(now.getTime() + VALIDITY_LEASE_MS),
      reconcileBatchSize,
    );
    const byTenant = groupBy(rows, (row) => row.tenantId);
    await inPool([...byTenant.entries()], tenantConcurrency, async ([tenantId, tenantRows]) => {
      const built = await clientFor(tenantId);
      if (!built.ok) return;
      // Their own circuit: a burst of failed validity calls must not hold back the sending of new
      // In/Outs (and the sending's failures do not stop validities being asked).
      const validityKey = `${built.endpointKey} validity`;
      const asked = tenantRows
        .filter((row) => row.onssId !== null)
        .sort((a, b) => a.registrationTime.getTime() - b.registrationTime.getTime());
      // A few registrations are read one by one (their history says when ONSS decided); more are
      // searched by period, and only what the search did not find is then read one by one.
      let found = new Map<string, OnssRegistrationState>();
      let unseen = asked;
      if (asked.length > validityCallsPerTenant) {
        const searched = await validitiesBySearch(built.client, validityKey, asked);
        if (searched.halted) unseen = [];
        else unseen = asked.filter((row) => !searched.found.has(row.onssId!));
        found = searched.found;
      }
      const read = await validitiesOneByOne(built.client, validityKey, unseen);
      for (const [onssId, state] of read.found) found.set(onssId, state);

      const outcomes: ValidityOutcome[] = [];
      for (const row of asked) {
        const state = found.get(row.onssId!);
        if (!state || state.validity === 'pending') continue;
        outcomes.push({
          id: row.id,
          status: state.validity,
          remarks: state.remarks,
          at: state.history.at(-1)?.at ?? ctx.now().toISOString(),
        });
        if (state.validity === 'validated') summary.validated += 1;
        if (state.validity === 'refused') summary.refusedOnValidation += 1;
      }
      await recordValidities(ctx.db, outcomes, ctx.now());
      const now = ctx.now();
      const overdue = (row: OutboxRow) =>
        now.getTime() - (row.registeredAt ?? now).getTime() > UNKNOWN_TO_ONSS_GRACE_MS;
      const untold = asked.filter((row) => read.untold.has(row.id));
      const setAside = untold.filter(overdue);
      await setAsideUntoldValidities(
        ctx.db,
        setAside.map((row) => ({
          id: row.id,
          error: `ONSS no longer tells the validity of registration ${row.onssId}: ${read.untold.get(row.id)}. Check it at ONSS; send it again if ONSS does not have it.`,
        })),
        now,
      );
      summary.needsAttention += setAside.length;
      // Rows not asked (ONSS resting) keep their lease: asked again when it ends.
      const stillPending = [
        ...asked.filter((row) => found.get(row.onssId!)?.validity === 'pending'),
        ...untold.filter((row) => !overdue(row)),
      ];
      await postponeValidityChecks(
        ctx.db,
        stillPending.map((row) => row.id),
        ctx.now(),
        VALIDITY_RECHECK,
      );
    });
    return { full: rows.length === reconcileBatchSize };
  };

  /** Sends what is due. */
  const sendDue = async (summary = emptySummary()): Promise<OnssPassSummary> => {
    const now = ctx.now();
    const claimed = await claimDueRows(ctx.db, now, new Date(now.getTime() + claimTtlMs), batchSize);
    summary.claimed = claimed.length;
    const byTenant = groupBy(
      [...claimed].sort((a, b) => a.registrationTime.getTime() - b.registrationTime.getTime()),
      (row) => row.tenantId,
    );
    await inPool([...byTenant.entries()], tenantConcurrency, async ([tenantId, rows]) => {
      try {
        await sendTenant(tenantId, rows, summary);
      } catch (error) {
        // The claim expires and a later pass takes the rows again: nothing is lost.
        logger?.error({ err: error, tenantId }, 'ONSS outbox: tenant pass failed');
      }
    });
    return summary;
  };

  /** Fetches the validity of what ONSS has registered (searches, or one call per registration). */
  const reconcileDue = async (summary = emptySummary()): Promise<OnssPassSummary> => {
    lastReconcileAt = ctx.now().getTime();
    // A pass that fails (the database away) says nothing is waiting: the next waits the interval.
    lastValidityBatch = { full: false, settled: 0 };
    const { full } = await reconcile(summary);
    lastValidityBatch = { full, settled: summary.validated + summary.refusedOnValidation };
    return summary;
  };

  return {
    circuits,
    /** Whether the last validity pass found a full batch and settled some: more are waiting. */
    get validitiesWaiting() {
      return lastValidityBatch.full && lastValidityBatch.settled > 0;
    },
    /** One pass: send what is due, then (every `reconcileEveryMs`) fetch the validity of what ONSS has registered. */
    async runPass(): Promise<OnssPassSummary> {
      const summary = await sendDue();
      if (ctx.now().getTime() - lastReconcileAt >= reconcileEveryMs) await reconcileDue(summary);
      return summary;
    },
    sendDue,
    reconcileDue,
  };
}

export interface OnssWorkerOptions extends OnssOutboxOptions {
  intervalMs?: number;
  /**
   * How soon a pass follows an accepted registration. ONSS is to have each In/Out as it happens;
   * waiting for the next tick made the interval (2 s) the registration's delay. Registrations
   * arriving together share that pass.
   */
  wakeDelayMs?: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
}

/**
 * Sends every `intervalMs`, and `wakeDelayMs` after a registration is recorded in this process (the
 * next sending pass is planned when the previous ends, so they never overlap in one process; several
 * processes share the work through SKIP LOCKED); fetches validities every `reconcileEveryMs`, beside
 * the sending. Returns the stop function, which waits for the passes in progress.
 */
export function startOnssWorker(ctx: AppContext, options: OnssWorkerOptions): () => Promise<void> {
  const { intervalMs = 2_000, wakeDelayMs = 50, reconcileEveryMs = 10_000, logger } = options;
  const outbox = createOnssOutbox(ctx, options);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt = Infinity;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;
  const report = async (pass: () => Promise<OnssPassSummary>, name: string) => {
    try {
      const summary = await pass();
      recordOnssPass(ctx.metrics, summary);
      const busy = Object.values(summary).some((count) => count > 0);
      if (busy) logger.debug(summary, name);
    } catch (error) {
      logger.error({ err: error }, `${name} failed`);
    }
  };
  const runOnce = () => report(() => outbox.sendDue(), 'ONSS outbox pass');

  // Fetching validities takes a search per period and may take seconds: it runs beside the
  // sending passes, never in front of them, so that a registration reaches ONSS as it happens.
  // A full batch that settled some means a backlog: the next pass follows after a breath, not after
  // the usual interval.
  let reconciling: Promise<void> | undefined;
  let reconcileTimer: NodeJS.Timeout | undefined;
  const planReconcile = (delay: number) => {
    reconcileTimer = setTimeout(() => {
      if (stopped) return;
      reconciling = report(() => outbox.reconcileDue(), 'ONSS validity pass').finally(() => {
        reconciling = undefined;
        if (!stopped) planReconcile(outbox.validitiesWaiting ? VALIDITY_BACKLOG_DELAY_MS : reconcileEveryMs);
      });
    }, delay);
    reconcileTimer.unref();
  };
  planReconcile(reconcileEveryMs);
  /** Plans the next pass in `delay` ms, unless one is already planned sooner. */
  const plan = (delay: number) => {
    if (stopped || running) return;
    const dueAt = Date.now() + delay;
    if (timer && timerDueAt <= dueAt) return;
    clearTimeout(timer);
    timerDueAt = dueAt;
    timer = setTimeout(() => {
      timer = undefined;
      timerDueAt = Infinity;
      running = runOnce().finally(() => {
        running = undefined;
        const again = wokenWhileRunning;
        wokenWhileRunning = false;
        plan(again ? wakeDelayMs : intervalMs);
      });
    }, delay);
    timer.unref();
  };
  const unsubscribe = ctx.events.subscribe('clock_event.recorded', () => {
    if (running) wokenWhileRunning = true;
    else plan(wakeDelayMs);
  });
  plan(intervalMs);
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    clearTimeout(reconcileTimer);
    await Promise.all([running, reconciling]);
  };
}
