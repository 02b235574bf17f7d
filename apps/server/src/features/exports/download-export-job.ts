import { createReadStream } from 'node:fs';
import path from 'node:path';
import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireVisibleExportJob } from './get-export-job.js';

const contentTypes: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The file of a finished background export, streamed from disk; each download is audited. */
export async function downloadExportJob(ctx: AppContext, caller: Caller, id: string) {
  const job = await requireVisibleExportJob(ctx, caller, id);
  if (job.status === 'expired' || job.expiresAt <= ctx.now()) {
    throw new DomainError('EXPORT_EXPIRED', 'This export has expired: start it again');
  }
  if (job.status !== 'done' || !job.filePath || !job.fileName) {
    throw new DomainError('EXPORT_NOT_READY', 'This export is not finished');
  }
  await recordCallerAudit(ctx.db, caller, {
    action: 'export.downloaded',
    entityType: 'export_job',
    entityId: job.id,
    after: { kind: job.kind, format: job.format, filters: job.filters, rows: job.rowsDone },
  });
  return {
    fileName: job.fileName,
    contentType: contentTypes[job.format] ?? 'application/octet-stream',
    sizeBytes: job.sizeBytes,
    stream: createReadStream(path.join(ctx.exportsDir, job.filePath)),
  };
}
