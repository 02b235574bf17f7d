import type { WebhookDeliverySummary, WebhookEventType, WebhookSubscriptionSummary } from '@ciao/domain';
import type { WebhookDeliveryRow, WebhookSubscriptionRow } from './webhook-repository.js';

const iso = (instant: Date | null) => (instant ? instant.toISOString() : null);

/** Why a paused subscription is paused: ciao paused it for failing, or a person did. */
function pausedReasonOf(row: WebhookSubscriptionRow): 'failing' | 'manual' | null {
  if (row.active) return null;
  return row.pausedReason === 'failing' ? 'failing' : 'manual';
}

export function presentWebhookSubscription(row: WebhookSubscriptionRow): WebhookSubscriptionSummary {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    status: row.active ? 'active' : 'paused',
    pausedAt: iso(row.pausedAt),
    pausedReason: pausedReasonOf(row),
    failingSince: iso(row.failingSince),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentWebhookDelivery(row: WebhookDeliveryRow): WebhookDeliverySummary {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status as WebhookDeliverySummary['status'],
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastDurationMs: row.lastDurationMs,
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit trail keeps of a subscription: never its secret, not even sealed. */
export function webhookAuditSnapshot(row: WebhookSubscriptionRow) {
  return {
    url: row.url,
    description: row.description,
    events: row.events,
    active: row.active,
    pausedReason: row.active ? null : row.pausedReason,
  };
}
