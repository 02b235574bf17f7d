import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { webhookAuditSnapshot } from './webhook-presenter.js';
import { deleteWebhookSubscriptionRow, findWebhookSubscription } from './webhook-repository.js';

/** Deletes a subscription and its delivery log: nothing more is sent to its URL. */
export async function deleteWebhookSubscription(ctx: AppContext, caller: Caller, subscriptionId: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await findWebhookSubscription(tx, caller.tenantId, subscriptionId);
    if (!before) throw new DomainError('NOT_FOUND', 'No such webhook subscription in your company.');
    await deleteWebhookSubscriptionRow(tx, caller.tenantId, subscriptionId);
    await recordCallerAudit(tx, caller, {
      action: 'webhook.deleted',
      entityType: 'webhook_subscription',
      entityId: subscriptionId,
      before: webhookAuditSnapshot(before),
    });
  });
}
