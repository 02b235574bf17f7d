import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { scanAnomalies, type ScanSummary } from '../features/anomalies/scan-anomalies.js';
import type { AppContext } from '../http/app-context.js';

// Any fixed number, distinct from the migration lock: the API process holding it scans; the
// others skip that minute, so that several processes on one PostgreSQL never scan together.
const SCAN_LOCK_ID = 7_150_225;

export interface AnomalySchedulerOptions {
  intervalMs?: number;
  /** The first scan, shortly after the start, catches up on what happened while stopped. */
  firstRunAfterMs?: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'error' | 'debug'>;
  /** The scan to run (tests pass their own). */
  scan?: (ctx: AppContext, now: Date) => Promise<ScanSummary>;
}

/**
 * Runs `work` only if no other process is running it (PostgreSQL advisory lock `lockId`, the scan's
 * by default); PGlite has one process only.
 */
export async function onlyOneProcess<T>(
  database: Database,
  work: () => Promise<T>,
  lockId: number = SCAN_LOCK_ID,
): Promise<{ ran: false } | { ran: true; value: T }> {
  if (database.kind !== 'postgres' || !database.pool) return { ran: true, value: await work() };
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
      lockId,
    ]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await client.query('select pg_advisory_unlock($1)', [lockId]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

/**
 * Runs the anomaly scan every `intervalMs` (a minute): the next run is planned when the previous
 * one ends, so runs never overlap; a failure is logged and the next minute tries again; the timer
 * does not keep the process alive. Returns the stop function, which waits for a run in progress.
 */
export function startAnomalyScheduler(
  ctx: AppContext,
  options: AnomalySchedulerOptions,
): () => Promise<void> {
  const { intervalMs = 60_000, firstRunAfterMs = 5_000, logger, scan = scanAnomalies } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async () => {
    const startedAt = performance.now();
    try {
      const outcome = await onlyOneProcess(ctx.database, () => scan(ctx, ctx.now()));
      const ms = Math.round(performance.now() - startedAt);
      if (!outcome.ran) logger.debug('anomaly scan skipped: another process is scanning');
      else if (outcome.value.opened > 0 || outcome.value.resolved > 0)
        logger.info({ ...outcome.value, ms }, 'anomaly scan');
      else logger.debug({ ...outcome.value, ms }, 'anomaly scan');
    } catch (error) {
      logger.error({ err: error }, 'anomaly scan failed');
    }
  };
  const plan = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        plan(intervalMs);
      });
    }, delayMs);
    timer.unref();
  };
  plan(firstRunAfterMs);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
