import {
  correctionRequestListQuery,
  correctionRequestPage,
  correctionRequestView,
  createCorrectionRequestRequest,
  updateCorrectionRequestStatusRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { presentCorrectionRequest, presentCorrectionRequestSummary } from './correction-request-presenter.js';
import { createCorrectionRequest } from './create-correction-request.js';
import { exportCorrectionRequestCsv } from './export-correction-request-csv.js';
import { exportCorrectionRequestPdf } from './export-correction-request-pdf.js';
import { getCorrectionRequest } from './get-correction-request.js';
import { listCorrectionRequests } from './list-correction-requests.js';
import { updateCorrectionRequestStatus } from './update-correction-request-status.js';

const tags = ['onss-registrations'];
const params = z.object({ correctionRequestId: z.uuid() });
const read = { access: { capability: 'onssRegistrations.read' } } as const;
const write = { access: { capability: 'onssCorrections.write' } } as const;

/** Correction requests to ONSS: filing one, reading them, the CSV and PDF to send. */
export const correctionRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/onss-correction-requests',
    {
      schema: {
        tags,
        summary: 'Files a correction request for refused or registered ONSS registrations',
        description:
          'Gives a reference CR-<year>-NNNN per company and, per registration, the deadline: the ' +
          'registration date plus 30 days (Europe/Brussels). The registrations’ follow-up becomes ' +
          'correction_requested with the reference. Unknown ids: NOT_FOUND; registrations ONSS does ' +
          'not know of (not sent, not applicable, cancelled): CONFLICT.',
        body: createCorrectionRequestRequest,
        response: { 201: correctionRequestView },
      },
      config: write,
    },
    async (request, reply) => {
      const created = await createCorrectionRequest(app.ctx, callerOf(request), request.body);
      return reply.status(201).send(presentCorrectionRequest(created.request, created.items, app.ctx.now()));
    },
  );

  app.get(
    '/api/onss-correction-requests',
    {
      schema: {
        tags,
        summary: 'Lists the company’s correction requests, newest first',
        querystring: correctionRequestListQuery,
        response: { 200: correctionRequestPage },
      },
      config: read,
    },
    async (request) => {
      const { rows, total } = await listCorrectionRequests(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentCorrectionRequestSummary), total, page, pageSize };
    },
  );

  app.get(
    '/api/onss-correction-requests/:correctionRequestId',
    {
      schema: {
        tags,
        summary: 'One correction request with its registrations and deadlines',
        params,
        response: { 200: correctionRequestView },
      },
      config: read,
    },
    async (request) => {
      const found = await getCorrectionRequest(
        app.ctx,
        callerOf(request),
        request.params.correctionRequestId,
      );
      return presentCorrectionRequest(found.request, found.items, app.ctx.now());
    },
  );

  app.patch(
    '/api/onss-correction-requests/:correctionRequestId/status',
    {
      schema: {
        tags,
        summary: 'Records that the request was sent to ONSS (submitted), answered, or is a draft again',
        description:
          'A draft gets deadline reminders (anomalies CORRECTION_DEADLINE_7_DAYS and _2_DAYS); a ' +
          'submitted or answered request does not, and its open reminders are resolved at the next scan. ' +
          'Audited as correction_request.status_changed.',
        params,
        body: updateCorrectionRequestStatusRequest,
        response: { 200: correctionRequestView },
      },
      config: write,
    },
    async (request) => {
      const updated = await updateCorrectionRequestStatus(
        app.ctx,
        callerOf(request),
        request.params.correctionRequestId,
        request.body,
      );
      return presentCorrectionRequest(updated.request, updated.items, app.ctx.now());
    },
  );

  app.get(
    '/api/onss-correction-requests/:correctionRequestId/export.csv',
    {
      schema: {
        tags,
        summary: 'The correction request as CSV (text/csv), one line per registration',
        description:
          'Columns: niss, name, site, declaration_number, registration_time (Europe/Brussels, ' +
          'YYYY-MM-DD HH:MM), direction, onss_id, status, remarks (separated by " | "), ' +
          'requested_correction, deadline (YYYY-MM-DD). Comma-separated, RFC 4180 quoting.',
        params,
      },
      config: read,
    },
    async (request, reply) => {
      const { fileName, content } = await exportCorrectionRequestCsv(
        app.ctx,
        callerOf(request),
        request.params.correctionRequestId,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${fileName}"`)
        .send(content);
    },
  );
  app.get(
    '/api/onss-correction-requests/:correctionRequestId/export.pdf',
    {
      schema: {
        tags,
        summary: 'The correction request as the PDF to send to ONSS (application/pdf)',
        description:
          'In the company’s default language: the employer (name, enterprise number, ONSS employer ' +
          'number), the reference, reason and evidence, and a table of the registrations (worker, ' +
          'NISS, date and time in Europe/Brussels, in/out, place of work, work declaration, ONSS id, ' +
          'status with remarks, the correction asked, the deadline). A4 landscape, standard fonts.',
        params,
      },
      config: read,
    },
    async (request, reply) => {
      const { fileName, content } = await exportCorrectionRequestPdf(
        app.ctx,
        callerOf(request),
        request.params.correctionRequestId,
      );
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${fileName}"`)
        .send(content);
    },
  );
};
