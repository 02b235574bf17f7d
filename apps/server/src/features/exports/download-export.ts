import { DIRECT_EXPORT_ROW_LIMIT, DomainError, type ExportFormat, type ExportKind } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { openExport, type OpenedExport } from './open-export.js';

/** Monthly timesheet PDFs downloaded directly: more agents than this go through a background job. */
export const DIRECT_MONTHLY_PDF_AGENT_LIMIT = 50;

/**
 * A direct download of an export: refused (EXPORT_TOO_LARGE) past the row limit, so that a long
 * export runs as a job with a progress bar instead of holding a request open. Audited: an export
 * of personal data says who took what.
 */
export async function downloadExport(
  ctx: AppContext,
  caller: Caller,
  kind: ExportKind,
  format: ExportFormat,
  filters: Record<string, string>,
): Promise<OpenedExport> {
  const opened = await openExport(ctx, caller, kind, format, filters);
  const limit = kind === 'monthly-timesheets' ? DIRECT_MONTHLY_PDF_AGENT_LIMIT : DIRECT_EXPORT_ROW_LIMIT;
  const rows = await opened.count(limit);
  if (rows > limit) {
    throw new DomainError('EXPORT_TOO_LARGE', `More than ${limit} rows: start a background export instead`, {
      details: { limit },
    });
  }
  await recordCallerAudit(ctx.db, caller, {
    action: 'export.downloaded',
    entityType: 'export',
    after: { kind, format, filters, rows },
  });
  return opened;
}
