import {
  bulkOnssFollowUpRequest,
  bulkRetryOnssRequest,
  onssBulkResult,
  onssRegistrationDetail,
  onssRegistrationListQuery,
  onssRegistrationPage,
  onssRegistrationSummary,
  onssRegistrationSummaryQuery,
  updateOnssFollowUpRequest,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { bulkRetryOnssRegistrations } from './bulk-retry-onss-registrations.js';
import { bulkUpdateOnssFollowUp } from './bulk-update-onss-follow-up.js';
import { correctionRequestRoutes } from './correction-request-routes.js';
import { getOnssRegistration } from './get-onss-registration.js';
import { listOnssRegistrations } from './list-onss-registrations.js';
import { presentOnssRegistration, presentOnssRegistrationDetail } from './onss-registration-presenter.js';
import { retryOnssRegistration } from './retry-onss-registration.js';
import { summarizeOnssRegistrations } from './summarize-onss-registrations.js';
import { updateOnssFollowUp } from './update-onss-follow-up.js';

const tags = ['onss-registrations'];
const params = z.object({ registrationId: z.uuid() });
const read = { access: { capability: 'onssRegistrations.read' } } as const;
const followUp = { access: { capability: 'onssFollowUp.write' } } as const;
const resend = { access: { capability: 'onssRegistrations.resend' } } as const;

/**
 * The ONSS registrations: the list and its counts, the validity history, the follow-up fields
 * ("champs de suivi"), sending again what the outbox gave up on; and the correction requests.
 */
export const onssRegistrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/onss-registrations',
    {
      schema: {
        tags,
        summary: 'Lists the company’s ONSS registrations, newest first, with the count per status',
        description:
          'Filters: status, agentId, siteId, from/to (ISO instants, on the registration time), ' +
          'followUpStatus, late (not confirmed by ONSS 5 minutes after the registration). `counts` ' +
          'gives, per status, how many match the other filters.',
        querystring: onssRegistrationListQuery,
        response: { 200: onssRegistrationPage },
      },
      config: read,
    },
    async (request) => {
      const { rows, total, counts } = await listOnssRegistrations(app.ctx, callerOf(request), request.query);
      const { page, pageSize } = request.query;
      const now = app.ctx.now();
      return { items: rows.map((row) => presentOnssRegistration(row, now)), total, page, pageSize, counts };
    },
  );

  app.get(
    '/api/onss-registrations/summary',
    {
      schema: {
        tags,
        summary: 'Counts the company’s ONSS registrations per status and follow-up status',
        description:
          'For the top of the tracking screen: `byStatus`, `byFollowUpStatus` (`none` when not ' +
          'followed up), `late` (not confirmed by ONSS 5 minutes after the registration), ' +
          '`needsAttention` and `refused`. Optional period from/to on the registration time.',
        querystring: onssRegistrationSummaryQuery,
        response: { 200: onssRegistrationSummary },
      },
      config: read,
    },
    async (request) => summarizeOnssRegistrations(app.ctx, callerOf(request), request.query),
  );

  app.get(
    '/api/onss-registrations/:registrationId',
    {
      schema: {
        tags,
        summary: 'One ONSS registration with the validity history ONSS reported',
        params,
        response: { 200: onssRegistrationDetail },
      },
      config: read,
    },
    async (request) =>
      presentOnssRegistrationDetail(
        await getOnssRegistration(app.ctx, callerOf(request), request.params.registrationId),
        app.ctx.now(),
      ),
  );

  app.patch(
    '/api/onss-registrations/:registrationId/follow-up',
    {
      schema: {
        tags,
        summary: 'Changes the follow-up fields of a registration (status, comment, assignee, reference)',
        description:
          'Administrators, supervisors and inspectors only; audited. The assignee is a web user of ' +
          'the company (VALIDATION_FAILED otherwise). Absent fields are kept, null clears.',
        params,
        body: updateOnssFollowUpRequest,
        response: { 200: onssRegistrationDetail },
      },
      config: followUp,
    },
    async (request) =>
      presentOnssRegistrationDetail(
        await updateOnssFollowUp(app.ctx, callerOf(request), request.params.registrationId, request.body),
        app.ctx.now(),
      ),
  );

  app.patch(
    '/api/onss-registrations/follow-up',
    {
      schema: {
        tags,
        summary: 'Sets the follow-up status of many registrations (at most 500), with a result per id',
        body: bulkOnssFollowUpRequest,
        response: { 200: onssBulkResult },
      },
      config: followUp,
    },
    async (request) => bulkUpdateOnssFollowUp(app.ctx, callerOf(request), request.body),
  );

  app.post(
    '/api/onss-registrations/:registrationId/retry',
    {
      schema: {
        tags,
        summary: 'Sends a registration that needs attention or keeps failing again now',
        description:
          'Back to to_send, due now, attempts reset; audited. Any other status is a CONFLICT ' +
          '(a validated registration is never sent twice).',
        params,
        response: { 200: onssRegistrationDetail },
      },
      config: resend,
    },
    async (request) =>
      presentOnssRegistrationDetail(
        await retryOnssRegistration(app.ctx, callerOf(request), request.params.registrationId),
        app.ctx.now(),
      ),
  );

  app.post(
    '/api/onss-registrations/retry',
    {
      schema: {
        tags,
        summary: 'Sends many registrations again (at most 500), with a result per id',
        description: 'Each id is ok, NOT_FOUND, or CONFLICT when its status cannot be sent again.',
        body: bulkRetryOnssRequest,
        response: { 200: onssBulkResult },
      },
      config: resend,
    },
    async (request) => bulkRetryOnssRegistrations(app.ctx, callerOf(request), request.body.ids),
  );

  await app.register(correctionRequestRoutes);
};
