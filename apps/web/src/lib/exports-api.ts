import type { createExportJobRequest } from '@ciao/domain';
import {
  exportJobPage,
  exportJobView,
  type ExportFormat,
  type ExportJobView,
  type ExportKind,
} from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from './api';

/** The address of a direct download: the list's filters as the screen sends them. */
export function exportUrl(kind: ExportKind, format: ExportFormat, filters: Record<string, string>): string {
  if (kind === 'monthly-timesheets') return `/api/exports/monthly-timesheets${queryString(filters)}`;
  return `/api/exports/${kind}/${format}${queryString(filters)}`;
}

export function exportJobFileUrl(id: string): string {
  return `/api/export-jobs/${encodeURIComponent(id)}/file`;
}

/** `POST /api/export-jobs`: a background export of a list too large to download at once. */
export function createExportJob(body: z.input<typeof createExportJobRequest>): Promise<ExportJobView> {
  return api.post('/api/export-jobs', exportJobView, body);
}

/** `GET /api/export-jobs`: my background exports, newest first. */
export function listExportJobs(signal?: AbortSignal) {
  return api.get(`/api/export-jobs${queryString({ pageSize: 50 })}`, exportJobPage, { signal });
}
