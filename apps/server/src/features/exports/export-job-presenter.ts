import type { ExportFormat, ExportJobStatus, ExportJobView, ExportKind } from '@ciao/domain';
import type { ExportJobRow } from './export-job-repository.js';

/** A job as its requester sees it: never the file's path on the server. */
export function presentExportJob(row: ExportJobRow): ExportJobView {
  return {
    id: row.id,
    kind: row.kind as ExportKind,
    format: row.format as ExportFormat,
    filters: row.filters,
    status: row.status as ExportJobStatus,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}
