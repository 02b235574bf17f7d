import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { pageOffset } from '../../db/query-helpers.js';
import { listExportJobs as selectExportJobs } from './export-job-repository.js';

/** The caller's own export jobs, newest first: the "Exports" panel polls this for progress. */
export async function listExportJobs(
  ctx: AppContext,
  caller: Caller,
  query: { page: number; pageSize: number },
) {
  return selectExportJobs(ctx.db, caller.tenantId, caller.userId, {
    limit: query.pageSize,
    offset: pageOffset(query.page, query.pageSize),
  });
}
