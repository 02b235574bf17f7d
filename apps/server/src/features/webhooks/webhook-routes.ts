import {
  createdWebhookSubscription,
  createWebhookSubscriptionRequest,
  DomainError,
  updateWebhookSubscriptionRequest,
  webhookDeliveryPage,
  webhookDeliveryQuery,
  webhookDeliverySummary,
  webhookSubscriptionList,
  webhookSubscriptionSummary,
} from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../http/caller.js';
import { createWebhookSubscription } from './create-webhook-subscription.js';
import { deleteWebhookSubscription } from './delete-webhook-subscription.js';
import { redeliverWebhookDelivery } from './redeliver-webhook-delivery.js';
import { sendTestWebhook } from './send-test-webhook.js';
import { updateWebhookSubscription } from './update-webhook-subscription.js';
import { presentWebhookDelivery, presentWebhookSubscription } from './webhook-presenter.js';
import {
  findWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
} from './webhook-repository.js';

const tags = ['webhooks'];
const manage = { access: { capability: 'webhooks.manage' } } as const;
const subscriptionParams = z.object({ subscriptionId: z.uuid() });
const notFound = () => new DomainError('NOT_FOUND', 'No such webhook subscription in your company.');

/** The company's webhook subscriptions and their delivery log (administrators only). */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: "The company's webhook subscriptions (never their secrets), newest first",
        response: { 200: webhookSubscriptionList },
      },
      config: manage,
    },
    async (request) => {
      const rows = await listWebhookSubscriptions(app.ctx.db, callerOf(request).tenantId);
      return { items: rows.map(presentWebhookSubscription) };
    },
  );

  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribes a URL to events; the answer shows the signing secret, once',
        body: createWebhookSubscriptionRequest,
        response: { 201: createdWebhookSubscription },
      },
      config: manage,
    },
    async (request, reply) => {
      const created = await createWebhookSubscription(app.ctx, callerOf(request), request.body);
      return reply
        .status(201)
        .send({ secret: created.secret, subscription: presentWebhookSubscription(created.subscription) });
    },
  );

  app.get(
    '/api/webhooks/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'One webhook subscription',
        params: subscriptionParams,
        response: { 200: webhookSubscriptionSummary },
      },
      config: manage,
    },
    async (request) => {
      const row = await findWebhookSubscription(
        app.ctx.db,
        callerOf(request).tenantId,
        request.params.subscriptionId,
      );
      if (!row) throw notFound();
      return presentWebhookSubscription(row);
    },
  );

  app.patch(
    '/api/webhooks/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'Changes a subscription; `active` pauses or resumes it',
        params: subscriptionParams,
        body: updateWebhookSubscriptionRequest,
        response: { 200: webhookSubscriptionSummary },
      },
      config: manage,
    },
    async (request) =>
      presentWebhookSubscription(
        await updateWebhookSubscription(
          app.ctx,
          callerOf(request),
          request.params.subscriptionId,
          request.body,
        ),
      ),
  );

  app.delete(
    '/api/webhooks/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'Deletes a subscription and its delivery log',
        params: subscriptionParams,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (request, reply) => {
      await deleteWebhookSubscription(app.ctx, callerOf(request), request.params.subscriptionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/:subscriptionId/test',
    {
      schema: {
        tags,
        summary: 'Queues a `webhook.test` event for the subscription; it appears in the delivery log',
        params: subscriptionParams,
        response: { 202: webhookDeliverySummary },
      },
      config: manage,
    },
    async (request, reply) => {
      const delivery = await sendTestWebhook(app.ctx, callerOf(request), request.params.subscriptionId);
      return reply.status(202).send(presentWebhookDelivery(delivery));
    },
  );

  app.get(
    '/api/webhooks/:subscriptionId/deliveries',
    {
      schema: {
        tags,
        summary: "The subscription's delivery log, newest first",
        params: subscriptionParams,
        querystring: webhookDeliveryQuery,
        response: { 200: webhookDeliveryPage },
      },
      config: manage,
    },
    async (request) => {
      const { tenantId } = callerOf(request);
      const { subscriptionId } = request.params;
      if (!(await findWebhookSubscription(app.ctx.db, tenantId, subscriptionId))) throw notFound();
      const { page, pageSize, status } = request.query;
      const { rows, total } = await listWebhookDeliveries(app.ctx.db, {
        tenantId,
        subscriptionId,
        status,
        page,
        pageSize,
      });
      return { items: rows.map(presentWebhookDelivery), total, page, pageSize };
    },
  );

  app.post(
    '/api/webhooks/:subscriptionId/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Sends one delivery again now, with the same event id',
        params: subscriptionParams.extend({ deliveryId: z.uuid() }),
        response: { 202: webhookDeliverySummary },
      },
      config: manage,
    },
    async (request, reply) => {
      const { subscriptionId, deliveryId } = request.params;
      const delivery = await redeliverWebhookDelivery(app.ctx, callerOf(request), subscriptionId, deliveryId);
      return reply.status(202).send(presentWebhookDelivery(delivery));
    },
  );
};
