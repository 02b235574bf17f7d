import { DomainError, type ExportKind } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findExportJob, type ExportJobRow } from './export-job-repository.js';
import { mayExport } from './open-export.js';

/**
 * A job of the caller's company that the caller may see: their own, or another user's when the
 * caller has the right to make that export themselves. Others are NOT_FOUND (never FORBIDDEN,
 * which would confirm that the id exists).
 */
export async function requireVisibleExportJob(
  ctx: AppContext,
  caller: Caller,
  id: string,
): Promise<ExportJobRow> {
  const job = await findExportJob(ctx.db, caller.tenantId, id);
  if (!job || (job.userId !== caller.userId && !mayExport(caller.role, job.kind as ExportKind))) {
    throw new DomainError('NOT_FOUND', 'No such export');
  }
  return job;
}

export async function getExportJob(ctx: AppContext, caller: Caller, id: string) {
  return requireVisibleExportJob(ctx, caller, id);
}
