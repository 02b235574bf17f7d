import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, type ExportFormat, type ExportKind, type Role } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import { requesterRole, updateExportJob, type ExportJobRow } from './export-job-repository.js';
import {
  ensureTenantDir,
  EXPORT_RETENTION_HOURS,
  exportFilePath,
  removeExportFile,
} from './export-storage.js';
import { openExport } from './open-export.js';

/** Progress is written at most this often: a row per page would be one UPDATE per 2,000 rows anyway. */
const PROGRESS_EVERY_MS = 500;

/**
 * Runs one claimed job: counts the rows (the progress bar's 100 %), writes the file a page at a
 * time into the company's directory, renewing the claim as it goes, and records the outcome. The
 * job runs with its requester's rights as they are now.
 */
export async function runExportJob(ctx: AppContext, job: ExportJobRow, claimTtlMs: number): Promise<void> {
  const file = exportFilePath(ctx.exportsDir, job.tenantId, job.id, job.format);
  try {
    const requester = await requesterRole(ctx.db, job.tenantId, job.userId);
    if (!requester?.active) throw new DomainError('FORBIDDEN', 'The requester is no longer active');
    const exporter = { tenantId: job.tenantId, userId: job.userId, role: requester.role as Role };
    const opened = await openExport(
      ctx,
      exporter,
      job.kind as ExportKind,
      job.format as ExportFormat,
      job.filters,
    );
    const rowsTotal = await opened.count();
    await updateExportJob(ctx.db, job.id, { rowsTotal });
    await ensureTenantDir(ctx.exportsDir, job.tenantId);
    let lastWrite = 0;
    let pending: Promise<void> = Promise.resolve();
    const onRows = (rowsDone: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = now;
      const claimedUntil = new Date(ctx.now().getTime() + claimTtlMs);
      pending = pending.then(() => updateExportJob(ctx.db, job.id, { rowsDone, claimedUntil }));
    };
    await pipeline(Readable.from(opened.render(onRows)), createWriteStream(file.absolute));
    await pending;
    const { size } = await stat(file.absolute);
    const finishedAt = ctx.now();
    await updateExportJob(ctx.db, job.id, {
      status: 'done',
      rowsDone: rowsTotal,
      fileName: opened.fileName,
      filePath: file.relative,
      sizeBytes: size,
      finishedAt,
      claimedUntil: null,
      expiresAt: new Date(finishedAt.getTime() + EXPORT_RETENTION_HOURS * 3_600_000),
    });
    await recordAudit(ctx.db, {
      tenantId: job.tenantId,
      actor: { type: 'user', id: job.userId },
      action: 'export.completed',
      entityType: 'export_job',
      entityId: job.id,
      after: { kind: job.kind, format: job.format, rows: rowsTotal, sizeBytes: size },
    });
  } catch (error) {
    await removeExportFile(ctx.exportsDir, file.relative).catch(() => {});
    // A refusal says why; anything else stays in the server log, not in the user's view.
    const message =
      error instanceof DomainError ? error.message : 'The export failed; try again or contact support';
    await updateExportJob(ctx.db, job.id, {
      status: 'failed',
      error: message,
      finishedAt: ctx.now(),
      claimedUntil: null,
    });
    if (!(error instanceof DomainError)) throw error;
  }
}
