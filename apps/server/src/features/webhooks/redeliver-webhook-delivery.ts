import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import {
  findWebhookDelivery,
  findWebhookSubscription,
  requeueWebhookDelivery,
} from './webhook-repository.js';
import { WEBHOOK_RETRY_WINDOW_MS } from './webhook-retry-policy.js';

/**
 * Sends one delivery again now (delivered, failed or still retrying), with the same event id so
 * that a receiver which already has it can tell, and a fresh 24-hour retry window.
 */
export async function redeliverWebhookDelivery(
  ctx: AppContext,
  caller: Caller,
  subscriptionId: string,
  deliveryId: string,
) {
  const now = ctx.now();
  const redelivered = await ctx.db.transaction(async (tx) => {
    const subscription = await findWebhookSubscription(tx, caller.tenantId, subscriptionId);
    const delivery =
      subscription && (await findWebhookDelivery(tx, caller.tenantId, subscriptionId, deliveryId));
    if (!subscription || !delivery)
      throw new DomainError('NOT_FOUND', 'No such webhook delivery in your company.');
    if (!subscription.active) {
      throw new DomainError('CONFLICT', 'This subscription is paused: resume it before sending again.');
    }
    const after = await requeueWebhookDelivery(
      tx,
      caller.tenantId,
      deliveryId,
      now,
      new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS),
    );
    await recordCallerAudit(tx, caller, {
      action: 'webhook.redelivered',
      entityType: 'webhook_delivery',
      entityId: deliveryId,
      before: { status: delivery.status, attempts: delivery.attempts },
      after: { status: 'pending', subscriptionId, eventId: delivery.eventId, eventType: delivery.eventType },
    });
    return after!;
  });
  ctx.events.publish('webhook_delivery.queued', { tenantId: caller.tenantId });
  return redelivered;
}
