import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** How long a background export's file is kept: long enough for a weekend, short for personal data. */
export const EXPORT_RETENTION_HOURS = 48;

/**
 * Where a job's file lives: `<exports dir>/<tenant>/<job>.<format>`. Both ids are UUIDs from the
 * database, so the path cannot escape the directory; each company has a directory of its own.
 */
export function exportFilePath(exportsDir: string, tenantId: string, jobId: string, format: string) {
  return {
    relative: path.join(tenantId, `${jobId}.${format}`),
    absolute: path.join(exportsDir, tenantId, `${jobId}.${format}`),
  };
}

export async function ensureTenantDir(exportsDir: string, tenantId: string) {
  await mkdir(path.join(exportsDir, tenantId), { recursive: true });
}

export async function removeExportFile(exportsDir: string, relative: string | null) {
  if (relative) await rm(path.join(exportsDir, relative), { force: true });
}
