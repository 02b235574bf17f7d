import { randomUUID } from 'node:crypto';
import { DomainError, WEBHOOK_TEST_EVENT } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { findWebhookSubscription, insertWebhookDelivery, tenantCodeOf } from './webhook-repository.js';
import { WEBHOOK_RETRY_WINDOW_MS } from './webhook-retry-policy.js';

/** Queues a `webhook.test` event for one subscription, sent like any other (signed, retried, logged). */
export async function sendTestWebhook(ctx: AppContext, caller: Caller, subscriptionId: string) {
  const now = ctx.now();
  const subscription = await findWebhookSubscription(ctx.db, caller.tenantId, subscriptionId);
  if (!subscription) throw new DomainError('NOT_FOUND', 'No such webhook subscription in your company.');
  if (!subscription.active) {
    throw new DomainError('CONFLICT', 'This subscription is paused: resume it before sending a test event.');
  }
  const eventId = randomUUID();
  const code = await tenantCodeOf(ctx.db, caller.tenantId);
  const delivery = await ctx.db.transaction(async (tx) => {
    const queued = await insertWebhookDelivery(tx, {
      tenantId: caller.tenantId,
      subscriptionId,
      eventType: WEBHOOK_TEST_EVENT,
      eventId,
      payload: {
        id: eventId,
        type: WEBHOOK_TEST_EVENT,
        createdAt: now.toISOString(),
        tenant: { id: caller.tenantId, code },
        data: { subscriptionId, message: 'A test event from ciao: your endpoint is reachable.' },
      },
      now,
      giveUpAt: new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS),
    });
    await recordCallerAudit(tx, caller, {
      action: 'webhook.testSent',
      entityType: 'webhook_delivery',
      entityId: queued.id,
      after: { subscriptionId, eventId, eventType: WEBHOOK_TEST_EVENT },
    });
    return queued;
  });
  ctx.events.publish('webhook_delivery.queued', { tenantId: caller.tenantId });
  return delivery;
}
