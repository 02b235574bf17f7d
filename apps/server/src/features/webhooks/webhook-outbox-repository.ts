// SQL of the webhook outbox: the producer's cursors and queued deliveries, the worker's claims and
// what each attempt gave.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { webhookCursors, webhookDeliveries, webhookSubscriptions, webUsers } from '../../db/schema/index.js';

/** The active subscriptions of a company, with the events each wants. */
export async function activeSubscriptionsOf(db: Db, tenantId: string) {
  return db
    .select({
      id: webhookSubscriptions.id,
      events: webhookSubscriptions.events,
      receivingSince: webhookSubscriptions.receivingSince,
    })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.active, true)));
}

/** Where the producer stopped reading a source of a company (microseconds), or undefined. */
export async function readCursor(db: Db, tenantId: string, source: string): Promise<string | undefined> {
  const [row] = await db
    .select({ micros: sql<string>`${webhookCursors.positionMicros}::text` })
    .from(webhookCursors)
    .where(and(eq(webhookCursors.tenantId, tenantId), eq(webhookCursors.source, source)));
  return row?.micros;
}

/** Moves a cursor forward only: two producers may run at once, the further one wins. */
export async function saveCursor(db: Db, tenantId: string, source: string, micros: string, now: Date) {
  await db
    .insert(webhookCursors)
    .values({ tenantId, source, positionMicros: sql`${micros}::bigint`, updatedAt: now })
    .onConflictDoUpdate({
      target: [webhookCursors.tenantId, webhookCursors.source],
      set: {
        positionMicros: sql`greatest(${webhookCursors.positionMicros}, excluded.position_micros)`,
        updatedAt: now,
      },
    });
}

export interface QueuedDelivery {
  tenantId: string;
  subscriptionId: string;
  eventType: string;
  eventId: string;
  payload: unknown;
}

/**
 * Queues deliveries, skipping those already queued (same subscription and event): how a change read
 * twice is sent once. Returns how many were new.
 */
export async function queueDeliveries(
  db: Db,
  deliveries: readonly QueuedDelivery[],
  now: Date,
  giveUpAt: Date,
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const inserted = await db
    .insert(webhookDeliveries)
    .values(
      deliveries.map((delivery) => ({
        ...delivery,
        status: 'pending',
        nextAttemptAt: now,
        giveUpAt,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [webhookDeliveries.subscriptionId, webhookDeliveries.eventId] })
    .returning({ id: webhookDeliveries.id });
  return inserted.length;
}

export type ClaimedDelivery = typeof webhookDeliveries.$inferSelect;

/**
 * Claims up to `limit` due deliveries of active subscriptions by pushing their next attempt to
 * `claimUntil`: a delivery whose sender died is due again once the claim passes. `FOR UPDATE SKIP
 * LOCKED` keeps two workers off the same delivery.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  claimUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookSubscriptions.active, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  return db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: claimUntil })
    .where(and(inArray(webhookDeliveries.id, due), eq(webhookDeliveries.status, 'pending')))
    .returning();
}

/** Where and with which sealed secret to send the claimed deliveries. */
export async function subscriptionTargets(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: webhookSubscriptions.id,
      tenantId: webhookSubscriptions.tenantId,
      url: webhookSubscriptions.url,
      secretEncrypted: webhookSubscriptions.secretEncrypted,
    })
    .from(webhookSubscriptions)
    .where(inArray(webhookSubscriptions.id, [...ids]));
}

export interface AttemptRecord {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

/** Only a delivery still under this worker's claim is written: a reclaimed one is not overwritten. */
const stillClaimed = (delivery: ClaimedDelivery) =>
  and(
    eq(webhookDeliveries.id, delivery.id),
    eq(webhookDeliveries.status, 'pending'),
    eq(webhookDeliveries.nextAttemptAt, delivery.nextAttemptAt),
  );

export async function markDelivered(db: Db, delivery: ClaimedDelivery, attempt: AttemptRecord) {
  await db
    .update(webhookDeliveries)
    .set({
      status: 'delivered',
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      deliveredAt: attempt.at,
      firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, ${attempt.at.toISOString()}::timestamptz)`,
      lastAttemptAt: attempt.at,
      lastStatusCode: attempt.statusCode,
      lastError: null,
      lastDurationMs: attempt.durationMs,
    })
    .where(stillClaimed(delivery));
  await db
    .update(webhookSubscriptions)
    .set({ consecutiveFailures: 0, failingSince: null })
    .where(eq(webhookSubscriptions.id, delivery.subscriptionId));
}

/**
 * A failed attempt: tried again at `nextAttemptAt`, or given up (`failed`) when that is null. Returns
 * the subscription's failure streak, from which the caller decides to pause it.
 */
export async function markAttemptFailed(
  db: Db,
  delivery: ClaimedDelivery,
  attempt: AttemptRecord,
  nextAttemptAt: Date | null,
) {
  await db
    .update(webhookDeliveries)
    .set({
      status: nextAttemptAt ? 'pending' : 'failed',
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      nextAttemptAt: nextAttemptAt ?? attempt.at,
      firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, ${attempt.at.toISOString()}::timestamptz)`,
      lastAttemptAt: attempt.at,
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error?.slice(0, 1000) ?? null,
      lastDurationMs: attempt.durationMs,
    })
    .where(stillClaimed(delivery));
  const [subscription] = await db
    .update(webhookSubscriptions)
    .set({
      consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1`,
      failingSince: sql`coalesce(${webhookSubscriptions.failingSince}, ${attempt.at.toISOString()}::timestamptz)`,
    })
    .where(eq(webhookSubscriptions.id, delivery.subscriptionId))
    .returning({
      id: webhookSubscriptions.id,
      tenantId: webhookSubscriptions.tenantId,
      url: webhookSubscriptions.url,
      active: webhookSubscriptions.active,
      failingSince: webhookSubscriptions.failingSince,
    });
  return subscription;
}

/** Pauses a failing subscription, once: returns false when it was already paused. */
export async function pauseFailingSubscription(db: Db, id: string, now: Date): Promise<boolean> {
  const paused = await db
    .update(webhookSubscriptions)
    .set({ active: false, pausedAt: now, pausedReason: 'failing', updatedAt: now })
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.active, true)))
    .returning({ id: webhookSubscriptions.id });
  return paused.length > 0;
}

/** The company's administrators who can be told by e-mail. */
export async function administratorsToTell(db: Db, tenantId: string) {
  const rows = await db
    .select({ email: webUsers.email, displayName: webUsers.displayName, language: webUsers.language })
    .from(webUsers)
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.role, 'ADMIN'), eq(webUsers.active, true)));
  return rows.filter((row): row is typeof row & { email: string } => Boolean(row.email));
}
