import {
  anomalyListQuery,
  can,
  DomainError,
  monthlyTimesheetQuery,
  nextDate,
  onssRegistrationListQuery,
  payrollExportQuery,
  registrationListQuery,
  timesheetQuery,
  type Capability,
  type ExportFormat,
  type ExportKind,
  type Language,
  type Role,
} from '@ciao/domain';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../http/app-context.js';
import { tenants, webUsers } from '../../db/schema/index.js';
import { periodOf } from '../registrations/list-registrations.js';
import { countTimesheetAgents } from '../timesheets/timesheet-repository.js';
import { anomalyExport } from './anomaly-export.js';
import { localDateTime, parseFilters } from './export-cells.js';
import { countingRows, type ExportTable } from './export-table.js';
import { csvChunks } from './csv-writer.js';
import type { ExportSource, ExportWording } from './export-source.js';
import { exportTexts } from './export-texts.js';
import { exportValueLabels } from './export-value-labels.js';
import { monthlyTimesheetPdfChunks } from './monthly-timesheet-pdf.js';
import { onssRegistrationExport } from './onss-registration-export.js';
import { monthBounds, payrollExport } from './payroll-export.js';
import { pdfTableChunks } from './pdf-table-writer.js';
import { registrationExport } from './registration-export.js';
import { timesheetExport } from './timesheet-export.js';
import { timesheetPages } from './timesheet-pages.js';
import { xlsxChunks } from './xlsx-writer.js';

/** Who asks for an export: the tenant that scopes every query, the role that decides what is shown. */
export interface Exporter {
  tenantId: string;
  userId: string;
  role: Role;
}

/** An export ready to be written: its file name and type, its size in rows, and its bytes. */
export interface OpenedExport {
  fileName: string;
  contentType: string;
  /** Rows (agents for the monthly timesheets), stopping past `cap` when given. */
  count(cap?: number): Promise<number>;
  /** The file, a piece at a time; `onRows` hears how many rows were written so far. */
  render(onRows?: (rowsSoFar: number) => void): AsyncIterable<Uint8Array>;
}

/** The right to read the list behind each export (on top of `exports.read`). */
export const exportCapabilities: Record<ExportKind, Capability> = {
  registrations: 'registrations.read',
  timesheets: 'workSessions.read',
  'monthly-timesheets': 'workSessions.read',
  payroll: 'workSessions.read',
  'onss-registrations': 'onssRegistrations.read',
  anomalies: 'anomalies.read',
};

/** The formats each kind is written in. */
export const exportFormatsOf: Record<ExportKind, readonly ExportFormat[]> = {
  registrations: ['csv', 'xlsx', 'pdf'],
  timesheets: ['csv', 'xlsx', 'pdf'],
  'onss-registrations': ['csv', 'xlsx', 'pdf'],
  anomalies: ['csv', 'xlsx', 'pdf'],
  'monthly-timesheets': ['pdf'],
  payroll: ['csv', 'xlsx'],
};

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Whether the role may export this kind: the export right and the right to read the list. */
export function mayExport(role: Role, kind: ExportKind): boolean {
  return can(role, 'exports.read') && can(role, exportCapabilities[kind]);
}

/** The user's language (the exports speak it) and the company's zone and name. */
async function wordingOf(ctx: AppContext, exporter: Exporter) {
  const [user] = await ctx.db
    .select({ language: webUsers.language })
    .from(webUsers)
    .where(eq(webUsers.id, exporter.userId))
    .limit(1);
  const [company] = await ctx.db
    .select({ name: tenants.name, timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, exporter.tenantId))
    .limit(1);
  const language = (user?.language ?? 'fr') as Language;
  const wording: ExportWording = {
    language: language in exportTexts ? language : 'fr',
    texts: exportTexts[language] ?? exportTexts.fr,
    labels: exportValueLabels[language] ?? exportValueLabels.fr,
    timeZone: company?.timeZone ?? 'Europe/Brussels',
  };
  return { wording, companyName: company?.name ?? '' };
}

function render(format: ExportFormat, table: ExportTable, wording: ExportWording, createdAt: Date) {
  if (format === 'csv') return csvChunks(table, wording.language);
  if (format === 'xlsx') return xlsxChunks(table);
  const stamp = wording.texts.madeOn(localDateTime(createdAt, wording.timeZone) ?? '');
  return pdfTableChunks(table, { subtitle: stamp, pageLabel: wording.texts.page, createdAt });
}

/**
 * Prepares an export of the caller's company: checks the rights and the filters (the list's own
 * query schema), and returns what writes it. Nothing is read from the database until the file is
 * rendered, a keyset page at a time.
 */
export async function openExport(
  ctx: AppContext,
  exporter: Exporter,
  kind: ExportKind,
  format: ExportFormat,
  filters: unknown,
): Promise<OpenedExport> {
  if (!mayExport(exporter.role, kind))
    throw new DomainError('FORBIDDEN', 'Your role may not export this list');
  if (!exportFormatsOf[kind].includes(format)) {
    throw new DomainError('VALIDATION_FAILED', `${kind} cannot be exported as ${format}`, {
      fieldErrors: [
        {
          path: 'format',
          code: 'UNSUPPORTED_FORMAT',
          message: `must be one of ${exportFormatsOf[kind].join(', ')}`,
        },
      ],
    });
  }
  const { wording, companyName } = await wordingOf(ctx, exporter);
  const createdAt = ctx.now();
  const today = createdAt.toISOString().slice(0, 10);
  const { db } = ctx;
  const { tenantId } = exporter;

  if (kind === 'monthly-timesheets') {
    const query = parseFilters(monthlyTimesheetQuery, filters);
    const { from, to } = monthBounds(query.month);
    const dates: string[] = [];
    for (let date = from; date <= to; date = nextDate(date)) dates.push(date);
    const range = { from, to, agentId: query.agentId, siteId: query.siteId };
    return {
      fileName: `timesheets-${query.month}.pdf`,
      contentType: contentTypes.pdf,
      count: () => countTimesheetAgents(db, tenantId, { ...range, page: 1, pageSize: 1 }),
      render: (onRows) => {
        async function* counted() {
          let agents = 0;
          for await (const page of timesheetPages(db, tenantId, range)) {
            yield page;
            agents += new Set(page.map((row) => row.agent_id)).size;
            onRows?.(agents);
          }
        }
        return monthlyTimesheetPdfChunks(counted(), {
          texts: wording.texts,
          language: wording.language,
          timeZone: wording.timeZone,
          companyName,
          month: query.month,
          dates,
          createdAt,
        });
      },
    };
  }

  let source: ExportSource;
  let fileName = `${kind}-${today}.${format}`;
  if (kind === 'registrations') {
    const query = parseFilters(registrationListQuery, filters);
    source = registrationExport(db, tenantId, query, periodOf(query, wording.timeZone), wording);
  } else if (kind === 'timesheets') {
    source = timesheetExport(db, tenantId, parseFilters(timesheetQuery, filters), wording);
  } else if (kind === 'onss-registrations') {
    source = onssRegistrationExport(
      db,
      tenantId,
      parseFilters(onssRegistrationListQuery, filters),
      createdAt,
      wording,
    );
  } else if (kind === 'anomalies') {
    source = anomalyExport(db, tenantId, parseFilters(anomalyListQuery, filters), wording);
  } else {
    const query = parseFilters(payrollExportQuery, filters);
    source = payrollExport(db, tenantId, exporter.role, query, wording);
    fileName = `payroll-${query.layout}-${query.month}.${format}`;
  }
  return {
    fileName,
    contentType: contentTypes[format],
    count: (cap) => source.count(cap),
    render: (onRows) =>
      render(format, onRows ? countingRows(source.table, onRows) : source.table, wording, createdAt),
  };
}
