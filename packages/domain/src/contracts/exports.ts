import { z } from 'zod';
import { isoInstant, pageOf, pageQuery } from './common.js';

/** The file formats of the list exports. */
export const exportFormats = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What can be exported: the four lists, the monthly timesheets (PDF) and the payroll file. */
export const exportKinds = [
  'registrations',
  'timesheets',
  'onss-registrations',
  'anomalies',
  'monthly-timesheets',
  'payroll',
] as const;
export type ExportKind = (typeof exportKinds)[number];

/**
 * Above this many rows an export runs as a background job: the screen asks for a job instead of a
 * direct download, and the direct route refuses (EXPORT_TOO_LARGE) rather than hold a request open
 * for minutes.
 */
export const DIRECT_EXPORT_ROW_LIMIT = 10_000;

/** @example exportFormatParams.parse({ format: 'xlsx' }); */
export const exportFormatParams = z.object({ format: z.enum(exportFormats) });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');

/**
 * The monthly timesheets as PDF: one section per agent (all the company's agents with work or
 * planned time in the month, or one agent, or those of one site).
 *
 * @example
 * monthlyTimesheetQuery.parse({ month: '2026-11' });
 */
export const monthlyTimesheetQuery = z.object({
  month,
  agentId: z.uuid().optional(),
  siteId: z.uuid().optional(),
});
export type MonthlyTimesheetQuery = z.output<typeof monthlyTimesheetQuery>;

/**
 * The payroll file of a month, in one of the payroll layouts (`generic` by default).
 *
 * @example
 * payrollExportQuery.parse({ month: '2026-11', layout: 'generic' });
 */
export const payrollExportQuery = z.object({
  month,
  layout: z.string().min(1).max(40).default('generic'),
  siteId: z.uuid().optional(),
  agentId: z.uuid().optional(),
});
export type PayrollExportQuery = z.output<typeof payrollExportQuery>;

/**
 * Starts a background export. `filters` are the screen's query parameters, checked against the
 * list's own query schema (the same as the direct export route's).
 *
 * @example
 * createExportJobRequest.parse({ kind: 'registrations', format: 'xlsx', filters: { from: '2026-11-01' } });
 */
export const createExportJobRequest = z.object({
  kind: z.enum(exportKinds),
  format: z.enum(exportFormats),
  filters: z.record(z.string(), z.string()).default({}),
});
export type CreateExportJobRequest = z.output<typeof createExportJobRequest>;

export const exportJobStatuses = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportJobStatus = (typeof exportJobStatuses)[number];

/**
 * A background export as its requester sees it: progress in rows, and when done the file's name
 * and size (downloaded from `/api/export-jobs/{id}/file` until `expiresAt`).
 *
 * @example
 * exportJobView.shape.rowsDone;
 */
export const exportJobView = z.object({
  id: z.uuid(),
  kind: z.enum(exportKinds),
  format: z.enum(exportFormats),
  filters: z.record(z.string(), z.string()),
  status: z.enum(exportJobStatuses),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: isoInstant,
  finishedAt: isoInstant.nullable(),
  expiresAt: isoInstant,
});
export type ExportJobView = z.infer<typeof exportJobView>;

/** @example exportJobListQuery.parse({}); */
export const exportJobListQuery = pageQuery;
export const exportJobPage = pageOf(exportJobView);
export type ExportJobPage = z.infer<typeof exportJobPage>;
