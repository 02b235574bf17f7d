import type { AppContext } from '../../http/app-context.js';
import { findExpiredExportJobs, updateExportJob } from './export-job-repository.js';
import { removeExportFile } from './export-storage.js';

/** Deletes the files of expired exports and marks them expired (the row stays: the audit names it). */
export async function expireExportJobs(ctx: AppContext): Promise<number> {
  const expired = await findExpiredExportJobs(ctx.db, ctx.now());
  for (const job of expired) {
    await removeExportFile(ctx.exportsDir, job.filePath);
    await updateExportJob(ctx.db, job.id, { status: 'expired', filePath: null, claimedUntil: null });
  }
  return expired.length;
}
