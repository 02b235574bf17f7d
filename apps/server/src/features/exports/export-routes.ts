import { Readable } from 'node:stream';
import {
  anomalyListQuery,
  createExportJobRequest,
  exportFormatParams,
  exportJobListQuery,
  exportJobPage,
  exportJobView,
  monthlyTimesheetQuery,
  onssRegistrationListQuery,
  payrollExportQuery,
  registrationListQuery,
  timesheetQuery,
  type ExportFormat,
  type ExportKind,
} from '@ciao/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { createExportJob } from './create-export-job.js';
import { downloadExportJob } from './download-export-job.js';
import { downloadExport } from './download-export.js';
import { presentExportJob } from './export-job-presenter.js';
import { getExportJob } from './get-export-job.js';
import { listExportJobs } from './list-export-jobs.js';

const tags = ['exports'];
const access = { access: { capability: 'exports.read' } } as const;
const jobParams = z.object({ exportJobId: z.uuid() });

/** `attachment; filename=…` with the RFC 6266 form too, so that any file name survives. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The query string as sent: the same text a background job stores and re-checks. */
function rawFilters(request: FastifyRequest): Record<string, string> {
  const search = new URL(request.url, 'http://localhost').searchParams;
  const filters: Record<string, string> = {};
  for (const [key, value] of search) if (key !== 'page' && key !== 'pageSize') filters[key] = value;
  return filters;
}

async function sendExport(
  app: Parameters<FastifyPluginAsyncZod>[0],
  request: FastifyRequest,
  reply: FastifyReply,
  kind: ExportKind,
  format: ExportFormat,
) {
  const opened = await downloadExport(app.ctx, callerOf(request), kind, format, rawFilters(request));
  return reply
    .type(opened.contentType)
    .header('Content-Disposition', attachment(opened.fileName))
    .header('Cache-Control', 'no-store')
    .send(Readable.from(opened.render()));
}

const listExports: { path: string; kind: ExportKind; querystring: ZodType; what: string }[] = [
  {
    path: '/api/exports/registrations/:format',
    kind: 'registrations',
    querystring: registrationListQuery,
    what: 'the registrations list (same filters and order as GET /api/registrations)',
  },
  {
    path: '/api/exports/timesheets/:format',
    kind: 'timesheets',
    querystring: timesheetQuery,
    what: 'the timesheets, one line per agent and day (same filters as GET /api/timesheets; right workSessions.read)',
  },
  {
    path: '/api/exports/onss-registrations/:format',
    kind: 'onss-registrations',
    querystring: onssRegistrationListQuery,
    what: 'the ONSS tracking list (same filters as GET /api/onss-registrations; right onssRegistrations.read)',
  },
  {
    path: '/api/exports/anomalies/:format',
    kind: 'anomalies',
    querystring: anomalyListQuery,
    what: 'the anomalies list (same filters as GET /api/anomalies; right anomalies.read)',
  },
];

/**
 * Exports: the lists as CSV, XLSX or PDF downloaded directly (up to 10,000 rows), the monthly
 * timesheet PDF, the payroll file, and background jobs for larger ones.
 */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const { path, kind, querystring, what } of listExports) {
    app.get(
      path,
      {
        schema: {
          tags,
          summary: `Downloads ${what}`,
          description:
            'format: csv (UTF-8 with BOM, `;`-separated, decimal comma except in English, text that ' +
            'could run as a formula prefixed with an apostrophe), xlsx or pdf. Headers and values in ' +
            'the user’s language, times local (Europe/Brussels). page/pageSize are ignored. More than ' +
            '10,000 rows: EXPORT_TOO_LARGE (409): start a background export (POST /api/export-jobs). ' +
            'Needs exports.read and the right to read the list. Audited as export.downloaded.',
          params: exportFormatParams,
          querystring,
        },
        config: access,
      },
      async (request, reply) => sendExport(app, request, reply, kind, request.params.format),
    );
  }

  app.get(
    '/api/exports/monthly-timesheets',
    {
      schema: {
        tags,
        summary: 'Downloads the monthly timesheet PDF: one page per agent, with signature boxes',
        description:
          'month: YYYY-MM; agentId or siteId narrow it. Each agent’s page lists every day of the month ' +
          '(arrival, breaks, departure, worked, planned, difference; corrections marked *), the totals ' +
          'and signature boxes for the agent and the employer. More than 50 agents: EXPORT_TOO_LARGE, ' +
          'use a background export.',
        querystring: monthlyTimesheetQuery,
      },
      config: access,
    },
    async (request, reply) => sendExport(app, request, reply, 'monthly-timesheets', 'pdf'),
  );

  app.get(
    '/api/exports/payroll/:format',
    {
      schema: {
        tags,
        summary: 'Downloads the payroll file of a month in a payroll layout (csv or xlsx)',
        description:
          'month: YYYY-MM; layout: generic (default). One line per agent, day and site: NISS (only ' +
          'for agents whose HR data the user may edit, else empty), identifier, names, date, site, ' +
          'cost centre, worked hours, break minutes, night hours (22:00–06:00 Europe/Brussels), Sunday ' +
          'hours, Belgian public holiday, corrected. See docs/exports.md.',
        params: exportFormatParams,
        querystring: payrollExportQuery,
      },
      config: access,
    },
    async (request, reply) => sendExport(app, request, reply, 'payroll', request.params.format),
  );

  app.post(
    '/api/export-jobs',
    {
      schema: {
        tags,
        summary: 'Starts a background export; poll GET /api/export-jobs/{id} for its progress',
        description:
          'kind and format as the direct routes; filters: their query parameters as strings, checked ' +
          'now. The file is kept 48 hours after it is written. Audited as export.requested.',
        body: createExportJobRequest,
        response: { 202: exportJobView },
      },
      config: access,
    },
    async (request, reply) => {
      const job = await createExportJob(app.ctx, callerOf(request), request.body);
      return reply.status(202).send(presentExportJob(job));
    },
  );

  app.get(
    '/api/export-jobs',
    {
      schema: {
        tags,
        summary: 'Lists my background exports, newest first, with their progress',
        querystring: exportJobListQuery,
        response: { 200: exportJobPage },
      },
      config: access,
    },
    async (request) => {
      const { rows, total } = await listExportJobs(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentExportJob), total, page, pageSize };
    },
  );

  app.get(
    '/api/export-jobs/:exportJobId',
    {
      schema: {
        tags,
        summary: 'One background export: status, rows done of rows total, file when done',
        params: jobParams,
        response: { 200: exportJobView },
      },
      config: access,
    },
    async (request) =>
      presentExportJob(await getExportJob(app.ctx, callerOf(request), request.params.exportJobId)),
  );

  app.get(
    '/api/export-jobs/:exportJobId/file',
    {
      schema: {
        tags,
        summary: 'Downloads the file of a finished background export',
        description:
          'For its requester, or a user of the same company with the right to make that export. ' +
          'EXPORT_NOT_READY (409) while it runs, EXPORT_EXPIRED (409) after its expiry. Audited.',
        params: jobParams,
      },
      config: access,
    },
    async (request, reply) => {
      const file = await downloadExportJob(app.ctx, callerOf(request), request.params.exportJobId);
      if (file.sizeBytes !== null) reply.header('Content-Length', file.sizeBytes);
      return reply
        .type(file.contentType)
        .header('Content-Disposition', attachment(file.fileName))
        .header('Cache-Control', 'no-store')
        .send(file.stream);
    },
  );
};
