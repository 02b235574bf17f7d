import { DomainError, type UpdateWebhookSubscriptionRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { webhookAuditSnapshot } from './webhook-presenter.js';
import {
  findWebhookSubscription,
  makePendingDeliveriesDue,
  updateWebhookSubscriptionRow,
} from './webhook-repository.js';

const notFound = () => new DomainError('NOT_FOUND', 'No such webhook subscription in your company.');

/**
 * Changes a subscription: URL, events, description, and `active` to pause or resume it. Resuming
 * (also after ciao paused it for failing) forgets the failure streak and sends what waited at once.
 */
export async function updateWebhookSubscription(
  ctx: AppContext,
  caller: Caller,
  subscriptionId: string,
  input: UpdateWebhookSubscriptionRequest,
) {
  const now = ctx.now();
  const { active, ...fields } = input;
  const result = await ctx.db.transaction(async (tx) => {
    const before = await findWebhookSubscription(tx, caller.tenantId, subscriptionId);
    if (!before) throw notFound();
    const resuming = active === true && !before.active;
    const pausing = active === false && before.active;
    const after = await updateWebhookSubscriptionRow(
      tx,
      caller.tenantId,
      subscriptionId,
      {
        ...fields,
        ...(pausing ? { active: false, pausedAt: now, pausedReason: 'manual' } : {}),
        ...(resuming
          ? {
              active: true,
              pausedAt: null,
              pausedReason: null,
              failingSince: null,
              consecutiveFailures: 0,
              receivingSince: now,
            }
          : {}),
      },
      now,
    );
    if (!after) throw notFound();
    if (resuming) await makePendingDeliveriesDue(tx, caller.tenantId, subscriptionId, now);
    const action = resuming ? 'webhook.resumed' : pausing ? 'webhook.paused' : 'webhook.updated';
    await recordCallerAudit(tx, caller, {
      action,
      entityType: 'webhook_subscription',
      entityId: subscriptionId,
      before: webhookAuditSnapshot(before),
      after: webhookAuditSnapshot(after),
    });
    return { after, resuming };
  });
  if (result.resuming) ctx.events.publish('webhook_delivery.queued', { tenantId: caller.tenantId });
  return result.after;
}
