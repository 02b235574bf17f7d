import type { FastifyBaseLogger } from 'fastify';
import { nextRunAt, type RetentionPolicy } from '../features/retention/retention-cutoffs.js';
import { RetentionStopped, runRetention, type RetentionReport } from '../features/retention/run-retention.js';
import type { AppContext } from '../http/app-context.js';
import { onlyOneProcess } from './anomaly-scheduler.js';

// Any fixed number, distinct from the migration and anomaly-scan locks: of several API processes
// on one PostgreSQL (and the `retention:run` command), one runs the pass; the others skip it.
export const RETENTION_LOCK_ID = 7_150_226;

export interface RetentionJobOptions {
  policy: RetentionPolicy;
  /** Europe/Brussels wall-clock time of the nightly pass, HH:MM. */
  localTime: string;
  logger: Pick<FastifyBaseLogger, 'info' | 'error' | 'debug'>;
}

/** The counts a run logs and counts in /metrics: numbers only, never a name, NISS or position. */
export function retentionSummary(report: RetentionReport) {
  return { dryRun: report.dryRun, ...report.counts, keptAwaitingOnss: report.keptAwaitingOnss };
}

/**
 * One retention pass in this process unless another holds the lock. Counted in /metrics
 * (`ciao_retention_rows_total`) when it changed something.
 */
export async function runRetentionOnce(
  ctx: Pick<AppContext, 'database' | 'db' | 'now' | 'exportsDir'> & Partial<Pick<AppContext, 'metrics'>>,
  policy: RetentionPolicy,
  dryRun: boolean,
  shouldStop?: () => boolean,
) {
  const outcome = await onlyOneProcess(
    ctx.database,
    () => runRetention(ctx, policy, { dryRun, shouldStop }),
    RETENTION_LOCK_ID,
  );
  if (outcome.ran && !dryRun && ctx.metrics)
    for (const [category, count] of Object.entries(outcome.value.counts))
      if (count > 0) ctx.metrics.retentionRows.inc({ category }, count);
  return outcome;
}

/**
 * Runs the retention pass every night at `localTime` Brussels time (quiet hours, after the
 * anomaly scans of the evening). The next run is planned when the previous one ends; a failure is
 * logged and the next night tries again; the timer keeps no process alive. Returns the stop
 * function, which ends a pass in progress after its current batch (each batch commits on its own:
 * the next night carries on where it stopped).
 */
export function startRetentionJob(ctx: AppContext, options: RetentionJobOptions): () => Promise<void> {
  const { policy, localTime, logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let planned: Date | undefined;

  const runOnce = async () => {
    const startedAt = performance.now();
    try {
      const outcome = await runRetentionOnce(ctx, policy, false, () => stopped);
      const ms = Math.round(performance.now() - startedAt);
      if (!outcome.ran) logger.info('retention skipped: another process is running it');
      else logger.info({ ...retentionSummary(outcome.value), ms }, 'retention pass');
    } catch (error) {
      if (error instanceof RetentionStopped)
        logger.info('retention pass stopped by the shutdown; next night resumes');
      else logger.error({ err: error }, 'retention pass failed');
    }
  };
  const plan = () => {
    if (stopped) return;
    // Past the last planned run, so that a timer firing a little early never runs the same night twice.
    const now = ctx.now();
    const after =
      planned && planned.getTime() + 60_000 > now.getTime() ? new Date(planned.getTime() + 60_000) : now;
    planned = nextRunAt(after, localTime);
    const delayMs = Math.max(0, planned.getTime() - now.getTime());
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        plan();
      });
    }, delayMs);
    timer.unref();
  };
  plan();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
