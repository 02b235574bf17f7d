import {
  createdWebhookSubscription,
  webhookDeliveryPage,
  webhookDeliverySummary,
  webhookSubscriptionList,
  webhookSubscriptionSummary,
} from '@ciao/domain';
import type { CreateWebhookSubscriptionRequest, UpdateWebhookSubscriptionRequest } from '@ciao/domain';
import { z } from 'zod';
import { api } from '../../../lib/api';

export type WebhookSubscriptionList = z.output<typeof webhookSubscriptionList>;
export type CreatedWebhookSubscription = z.output<typeof createdWebhookSubscription>;
export type WebhookDeliveryPage = z.output<typeof webhookDeliveryPage>;

const base = '/api/webhooks';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** `GET /api/webhooks` (webhooks.manage): never the secrets. */
export function listWebhooks(signal?: AbortSignal): Promise<WebhookSubscriptionList> {
  return api.get(base, webhookSubscriptionList, { signal });
}

/** The answer carries the signing secret, this once. */
export function createWebhook(body: CreateWebhookSubscriptionRequest): Promise<CreatedWebhookSubscription> {
  return api.post(base, createdWebhookSubscription, body);
}

/** Changes a subscription; `{ active }` pauses or resumes it. */
export function updateWebhook(id: string, body: UpdateWebhookSubscriptionRequest) {
  return api.patch(one(id), webhookSubscriptionSummary, body);
}

export function deleteWebhook(id: string) {
  return api.delete(one(id), z.null());
}

/** Queues a `webhook.test` event: it shows in the delivery log within seconds. */
export function sendTestWebhook(id: string) {
  return api.post(`${one(id)}/test`, webhookDeliverySummary, {});
}

export function listWebhookDeliveries(
  id: string,
  page: number,
  signal?: AbortSignal,
): Promise<WebhookDeliveryPage> {
  return api.get(`${one(id)}/deliveries?page=${page}&pageSize=20`, webhookDeliveryPage, { signal });
}

export function redeliverWebhook(subscriptionId: string, deliveryId: string) {
  return api.post(
    `${one(subscriptionId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
    webhookDeliverySummary,
    {},
  );
}
