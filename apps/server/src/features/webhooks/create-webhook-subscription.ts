import type { CreateWebhookSubscriptionRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { webhookAuditSnapshot } from './webhook-presenter.js';
import { insertWebhookSubscription } from './webhook-repository.js';
import { newWebhookSecret } from './webhook-signature.js';

/**
 * Subscribes a URL of the caller's company to events. The signing secret is returned once, here;
 * it is kept sealed (it signs every delivery) and never shown again: a lost secret means a new
 * subscription.
 */
export async function createWebhookSubscription(
  ctx: AppContext,
  caller: Caller,
  input: CreateWebhookSubscriptionRequest,
) {
  const secret = newWebhookSecret();
  const subscription = await ctx.db.transaction(async (tx) => {
    const created = await insertWebhookSubscription(tx, {
      tenantId: caller.tenantId,
      url: input.url,
      description: input.description ?? null,
      events: input.events,
      secretEncrypted: ctx.secretBox.seal(secret),
      now: ctx.now(),
    });
    await recordCallerAudit(tx, caller, {
      action: 'webhook.created',
      entityType: 'webhook_subscription',
      entityId: created.id,
      after: webhookAuditSnapshot(created),
    });
    return created;
  });
  ctx.events.publish('webhook_delivery.queued', { tenantId: caller.tenantId });
  return { secret, subscription };
}
