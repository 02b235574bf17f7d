import type { CreateExportJobRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { insertExportJob } from './export-job-repository.js';
import { EXPORT_RETENTION_HOURS } from './export-storage.js';
import { openExport } from './open-export.js';

/**
 * Queues a background export. The rights and the filters are checked now (a bad filter is a 400
 * here, not a failed job later); the worker (polling every second) picks it up.
 */
export async function createExportJob(ctx: AppContext, caller: Caller, request: CreateExportJobRequest) {
  await openExport(ctx, caller, request.kind, request.format, request.filters);
  const now = ctx.now();
  const job = await ctx.db.transaction(async (tx) => {
    const row = await insertExportJob(tx, {
      tenantId: caller.tenantId,
      userId: caller.userId,
      kind: request.kind,
      format: request.format,
      filters: request.filters,
      status: 'queued',
      createdAt: now,
      // A job that never runs still goes away; a finished one gets its own expiry from its end.
      expiresAt: new Date(now.getTime() + EXPORT_RETENTION_HOURS * 3_600_000),
    });
    await recordCallerAudit(tx, caller, {
      action: 'export.requested',
      entityType: 'export_job',
      entityId: row.id,
      after: { kind: request.kind, format: request.format, filters: request.filters },
    });
    return row;
  });
  ctx.events.publish('export_job.queued', { tenantId: caller.tenantId, exportJobId: job.id });
  return job;
}
