// The webhook producer: turns committed changes into queued deliveries. It reads each source of a
// company (registrations, ONSS statuses, anomalies, agents) by a durable cursor, so a change whose
// process crashed right after the commit is still found on the next pass, and it adds nothing to
// the transactions that make those changes (the clock-event one is the hottest path).
import type { AppContext } from '../http/app-context.js';
import { listChangedRows } from '../features/public-api/public-api-repository.js';
import { webhookEnvelope, webhookSources } from '../features/webhooks/webhook-events.js';
import {
  activeSubscriptionsOf,
  queueDeliveries,
  readCursor,
  saveCursor,
  type QueuedDelivery,
} from '../features/webhooks/webhook-outbox-repository.js';
import { tenantCodeOf, tenantsWithActiveWebhooks } from '../features/webhooks/webhook-repository.js';
import { WEBHOOK_RETRY_WINDOW_MS } from '../features/webhooks/webhook-retry-policy.js';

/**
 * How far back each pass reads again behind its cursor. A row is stamped before its transaction
 * commits; a pass that runs in between does not see it, and the cursor may already have moved past
 * its stamp. Reading the last two minutes again finds such rows (ciao's writes commit within
 * milliseconds of their stamp); the deliveries' unique key (subscription, event id) makes the
 * second reading queue nothing twice.
 */
export const WEBHOOK_REREAD_WINDOW_MS = 2 * 60_000;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const PAGE_SIZE = 500;
const micros = (instant: Date) => BigInt(instant.getTime()) * 1000n;

export interface ProducerPassSummary {
  /** Companies with an active subscription: the only ones read. */
  tenantIds: string[];
  queued: number;
}

export function createWebhookProducer(ctx: AppContext) {
  async function produceForTenant(tenantId: string): Promise<number> {
    const subscriptions = await activeSubscriptionsOf(ctx.db, tenantId);
    if (subscriptions.length === 0) return 0;
    const tenant = { id: tenantId, code: await tenantCodeOf(ctx.db, tenantId) };
    let queued = 0;
    for (const source of webhookSources) {
      const wanting = subscriptions.filter((s) => source.types.some((type) => s.events.includes(type)));
      if (wanting.length === 0) continue;
      // Nothing older than the earliest subscription's start is anyone's news: a source read for the
      // first time, or again after every subscription was paused, starts there.
      const since = wanting.reduce(
        (earliest, s) => (s.receivingSince < earliest ? s.receivingSince : earliest),
        wanting[0]!.receivingSince,
      );
      const stored = await readCursor(ctx.db, tenantId, source.list);
      const start = stored && BigInt(stored) > micros(since) ? BigInt(stored) : micros(since);
      let after = { micros: (start - micros(new Date(WEBHOOK_REREAD_WINDOW_MS))).toString(), id: NIL_UUID };
      let furthest = start;
      for (;;) {
        const rows = await listChangedRows(ctx.db, source.list, {
          tenantId,
          since: null,
          after,
          limit: PAGE_SIZE,
        });
        const deliveries: QueuedDelivery[] = [];
        for (const { row, micros: rowMicros } of rows) {
          for (const event of source.eventsOf(row as never, rowMicros)) {
            const envelope = webhookEnvelope(tenant, event);
            for (const subscription of wanting) {
              // The minutes re-read behind a subscription's start (or resume) are not its news.
              if (!subscription.events.includes(event.type) || event.at < subscription.receivingSince)
                continue;
              deliveries.push({
                tenantId,
                subscriptionId: subscription.id,
                eventType: event.type,
                eventId: envelope.id,
                payload: envelope,
              });
            }
          }
        }
        const now = ctx.now();
        queued += await queueDeliveries(
          ctx.db,
          deliveries,
          now,
          new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS),
        );
        const last = rows.at(-1);
        if (last) {
          after = { micros: last.micros, id: (last.row as { id: string }).id };
          if (BigInt(last.micros) > furthest) furthest = BigInt(last.micros);
        }
        if (rows.length < PAGE_SIZE) break;
      }
      await saveCursor(ctx.db, tenantId, source.list, furthest.toString(), ctx.now());
    }
    return queued;
  }

  return {
    /** One pass over every company with an active subscription. */
    async runPass(): Promise<ProducerPassSummary> {
      const tenantIds = await tenantsWithActiveWebhooks(ctx.db);
      let queued = 0;
      for (const tenantId of tenantIds) queued += await produceForTenant(tenantId);
      return { tenantIds, queued };
    },
  };
}
