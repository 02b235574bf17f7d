// SQL of the back-office side of webhooks: a company's subscriptions and their delivery log.
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pageOffset } from '../../db/query-helpers.js';
import { tenants, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.js';

/** What may leave the database about a subscription: never its sealed secret. */
const subscriptionColumns = {
  id: webhookSubscriptions.id,
  tenantId: webhookSubscriptions.tenantId,
  url: webhookSubscriptions.url,
  description: webhookSubscriptions.description,
  events: webhookSubscriptions.events,
  active: webhookSubscriptions.active,
  pausedAt: webhookSubscriptions.pausedAt,
  pausedReason: webhookSubscriptions.pausedReason,
  failingSince: webhookSubscriptions.failingSince,
  createdAt: webhookSubscriptions.createdAt,
  updatedAt: webhookSubscriptions.updatedAt,
};

export interface WebhookSubscriptionRow {
  id: string;
  tenantId: string;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  pausedAt: Date | null;
  pausedReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type WebhookDeliveryRow = Omit<typeof webhookDeliveries.$inferSelect, 'payload'>;

const deliveryColumns = {
  id: webhookDeliveries.id,
  tenantId: webhookDeliveries.tenantId,
  subscriptionId: webhookDeliveries.subscriptionId,
  eventType: webhookDeliveries.eventType,
  eventId: webhookDeliveries.eventId,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  giveUpAt: webhookDeliveries.giveUpAt,
  firstAttemptAt: webhookDeliveries.firstAttemptAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastError: webhookDeliveries.lastError,
  lastDurationMs: webhookDeliveries.lastDurationMs,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
};

export async function insertWebhookSubscription(
  db: Db,
  values: {
    tenantId: string;
    url: string;
    description: string | null;
    events: string[];
    secretEncrypted: Buffer;
    now: Date;
  },
): Promise<WebhookSubscriptionRow> {
  const { now, ...columns } = values;
  const [row] = await db
    .insert(webhookSubscriptions)
    .values({ ...columns, receivingSince: now, createdAt: now, updatedAt: now })
    .returning(subscriptionColumns);
  if (!row) throw new Error('webhook subscription not inserted');
  return row;
}

/** The company's subscriptions, newest first (a handful: no pagination). */
export async function listWebhookSubscriptions(db: Db, tenantId: string): Promise<WebhookSubscriptionRow[]> {
  return db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.tenantId, tenantId))
    .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id));
}

export async function findWebhookSubscription(
  db: Db,
  tenantId: string,
  id: string,
): Promise<WebhookSubscriptionRow | undefined> {
  const [row] = await db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id)));
  return row;
}

export async function updateWebhookSubscriptionRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<{
    url: string;
    description: string | null;
    events: string[];
    active: boolean;
    pausedAt: Date | null;
    pausedReason: string | null;
    failingSince: Date | null;
    consecutiveFailures: number;
    receivingSince: Date;
  }>,
  now: Date,
): Promise<WebhookSubscriptionRow | undefined> {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id)))
    .returning(subscriptionColumns);
  return row;
}

export async function deleteWebhookSubscriptionRow(db: Db, tenantId: string, id: string): Promise<void> {
  await db
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id)));
}

/** A resumed subscription sends what waited at once (each delivery keeps its 24-hour window). */
export async function makePendingDeliveriesDue(db: Db, tenantId: string, subscriptionId: string, now: Date) {
  await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: now })
    .where(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        eq(webhookDeliveries.status, 'pending'),
      ),
    );
}

/** One page of a subscription's delivery log, newest first. */
export async function listWebhookDeliveries(
  db: Db,
  query: { tenantId: string; subscriptionId: string; status?: string; page: number; pageSize: number },
): Promise<{ rows: WebhookDeliveryRow[]; total: number }> {
  const conditions = [
    eq(webhookDeliveries.tenantId, query.tenantId),
    eq(webhookDeliveries.subscriptionId, query.subscriptionId),
    ...(query.status ? [eq(webhookDeliveries.status, query.status)] : []),
  ];
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [counted] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(and(...conditions));
  return { rows, total: counted?.n ?? 0 };
}

export async function findWebhookDelivery(
  db: Db,
  tenantId: string,
  subscriptionId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        eq(webhookDeliveries.id, id),
      ),
    );
  return row;
}

/** Sends a delivery again now, with a fresh retry window; the event (and its id) stays the same. */
export async function requeueWebhookDelivery(
  db: Db,
  tenantId: string,
  id: string,
  now: Date,
  giveUpAt: Date,
): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now, giveUpAt, firstAttemptAt: null, deliveredAt: null })
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
    .returning(deliveryColumns);
  return row;
}

/** Queues one delivery that no source produced (the test event). */
export async function insertWebhookDelivery(
  db: Db,
  values: {
    tenantId: string;
    subscriptionId: string;
    eventType: string;
    eventId: string;
    payload: unknown;
    now: Date;
    giveUpAt: Date;
  },
): Promise<WebhookDeliveryRow> {
  const { now, ...columns } = values;
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ ...columns, status: 'pending', nextAttemptAt: now, createdAt: now })
    .returning(deliveryColumns);
  if (!row) throw new Error('webhook delivery not inserted');
  return row;
}

/** Companies with at least one active subscription: the only ones the producer reads. */
export async function tenantsWithActiveWebhooks(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: webhookSubscriptions.tenantId })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.active, true));
  return rows.map((row) => row.tenantId);
}

/** The company's code, which every event names (with its id). */
export async function tenantCodeOf(db: Db, tenantId: string): Promise<string> {
  const [row] = await db.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.code ?? '';
}
