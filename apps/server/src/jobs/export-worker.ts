// The background export worker: claims queued export jobs (FOR UPDATE SKIP LOCKED, so several
// server processes share the queue), writes their files, and deletes the files of expired ones.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/app-context.js';
import { claimExportJob } from '../features/exports/export-job-repository.js';
import { expireExportJobs } from '../features/exports/expire-export-jobs.js';
import { runExportJob } from '../features/exports/run-export-job.js';

export interface ExportWorkerOptions {
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>;
  /** A running job renews its claim as it writes; past this without news, another worker takes it. */
  claimTtlMs?: number;
  /** True once the worker is stopping: the job in hand finishes, no other is claimed. */
  stopping?: () => boolean;
}

/** One pass: runs every queued job, one after the other, then the expiry cleanup. */
export async function runExportPass(ctx: AppContext, options: ExportWorkerOptions): Promise<number> {
  const { claimTtlMs = 120_000, logger } = options;
  let ran = 0;
  while (!options.stopping?.()) {
    const now = ctx.now();
    const job = await claimExportJob(ctx.db, now, new Date(now.getTime() + claimTtlMs));
    if (!job) break;
    ran += 1;
    try {
      await runExportJob(ctx, job, claimTtlMs);
      logger.info({ exportJobId: job.id, kind: job.kind, format: job.format }, 'Export job done');
    } catch (error) {
      logger.error({ err: error, exportJobId: job.id }, 'Export job failed');
    }
  }
  const expired = await expireExportJobs(ctx);
  if (expired > 0) logger.info({ expired }, 'Expired exports deleted');
  return ran;
}

/**
 * Runs the export queue every `intervalMs`, and at once when a job is queued in this process (a
 * person is watching its progress bar), until the returned stop function is awaited.
 */
export function startExportWorker(
  ctx: AppContext,
  options: ExportWorkerOptions & { intervalMs?: number },
): () => Promise<void> {
  const { intervalMs = 1_000, logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let queuedWhileRunning = false;
  const plan = (delay = intervalMs) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = runExportPass(ctx, { ...options, stopping: () => stopped })
        .then(() => undefined)
        .catch((error: unknown) => logger.error({ err: error }, 'Export pass failed'))
        .finally(() => {
          running = undefined;
          const again = queuedWhileRunning;
          queuedWhileRunning = false;
          plan(again ? 0 : intervalMs);
        });
    }, delay);
    timer.unref();
  };
  const unsubscribe = ctx.events.subscribe('export_job.queued', () => {
    if (running) queuedWhileRunning = true;
    else plan(0);
  });
  plan();
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await running;
  };
}
