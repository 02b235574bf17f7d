// SQL of the ONSS outbox (onss_registrations): claiming due rows, recording what ONSS answered.
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { onssRegistrations, type OnssValidityEntry } from '../db/schema/index.js';

export type OutboxRow = typeof onssRegistrations.$inferSelect;

/**
 * Claims up to `limit` due rows: to send or failing with their next attempt due, and rows left
 * "sending" by a process that died (claim expired). One statement, `FOR UPDATE SKIP LOCKED`, so
 * several workers never claim the same row.
 */
export async function claimDueRows(db: Db, now: Date, claimUntil: Date, limit: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: onssRegistrations.id })
    .from(onssRegistrations)
    .where(
      or(
        and(
          inArray(onssRegistrations.status, ['to_send', 'send_failing']),
          lte(onssRegistrations.nextAttemptAt, now),
        ),
        and(eq(onssRegistrations.status, 'sending'), lt(onssRegistrations.claimedUntil, now)),
      ),
    )
    .orderBy(asc(onssRegistrations.nextAttemptAt), asc(onssRegistrations.registrationTime))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(onssRegistrations)
    .set({ status: 'sending', claimedUntil: claimUntil, updatedAt: now })
    .where(inArray(onssRegistrations.id, due))
    .returning();
}

const appendHistory = (entry: OnssValidityEntry) =>
  sql`${onssRegistrations.validityHistory} || ${JSON.stringify([entry])}::jsonb`;

/** Only rows still claimed by this pass are written: a row reclaimed meanwhile is not overwritten. */
const stillClaimed = (id: string) =>
  and(eq(onssRegistrations.id, id), eq(onssRegistrations.status, 'sending'));

export async function markRegistered(
  db: Db,
  id: string,
  result: { onssId: string; remarks: string[] },
  now: Date,
): Promise<void> {
  await db
    .update(onssRegistrations)
    .set({
      status: 'registered',
      onssId: result.onssId,
      remarks: result.remarks,
      attempts: sql`${onssRegistrations.attempts} + 1`,
      sentAt: now,
      registeredAt: now,
      claimedUntil: null,
      nextAttemptAt: null,
      lastError: null,
      validityHistory: appendHistory({ at: now.toISOString(), validity: 'pending', remarks: result.remarks }),
      updatedAt: now,
    })
    .where(stillClaimed(id));
}

export async function markRefusedAtRegistration(
  db: Db,
  id: string,
  remarks: string[],
  now: Date,
): Promise<void> {
  await db
    .update(onssRegistrations)
    .set({
      status: 'refused',
      remarks,
      attempts: sql`${onssRegistrations.attempts} + 1`,
      sentAt: now,
      claimedUntil: null,
      nextAttemptAt: null,
      lastError: null,
      validityHistory: appendHistory({ at: now.toISOString(), validity: 'refused', remarks }),
      updatedAt: now,
    })
    .where(stillClaimed(id));
}

/** A failed attempt: retried at `nextAttemptAt`, or set aside for a person when `nextAttemptAt` is null. */
export async function markAttemptFailed(
  db: Db,
  id: string,
  outcome: { error: string; nextAttemptAt: Date | null; countsAsAttempt: boolean },
  now: Date,
): Promise<void> {
  await db
    .update(onssRegistrations)
    .set({
      status: outcome.nextAttemptAt ? 'send_failing' : 'needs_attention',
      attempts: outcome.countsAsAttempt ? sql`${onssRegistrations.attempts} + 1` : onssRegistrations.attempts,
      nextAttemptAt: outcome.nextAttemptAt,
      claimedUntil: null,
      lastError: outcome.error.slice(0, 2000),
      sentAt: now,
      updatedAt: now,
    })
    .where(stillClaimed(id));
}

/** Puts claimed rows back untouched (circuit open): they keep their status word and attempts. */
export async function releaseRows(db: Db, ids: string[], retryAt: Date, now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(onssRegistrations)
    .set({
      status: sql`case when ${onssRegistrations.attempts} > 0 then 'send_failing' else 'to_send' end`,
      nextAttemptAt: retryAt,
      claimedUntil: null,
      updatedAt: now,
    })
    .where(and(inArray(onssRegistrations.id, ids), eq(onssRegistrations.status, 'sending')));
}

/** Registered rows whose validity ONSS has not given yet, oldest first. */
export async function pendingValidity(db: Db, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(onssRegistrations)
    .where(eq(onssRegistrations.status, 'registered'))
    .orderBy(asc(onssRegistrations.registeredAt))
    .limit(limit);
}

export async function recordValidity(
  db: Db,
  id: string,
  outcome: { status: 'validated' | 'refused' | 'cancelled'; remarks: string[]; at: string },
  now: Date,
): Promise<void> {
  await db
    .update(onssRegistrations)
    .set({
      status: outcome.status,
      remarks: outcome.remarks,
      validatedAt: outcome.status === 'cancelled' ? null : now,
      validityHistory: appendHistory({ at: outcome.at, validity: outcome.status, remarks: outcome.remarks }),
      updatedAt: now,
    })
    .where(and(eq(onssRegistrations.id, id), eq(onssRegistrations.status, 'registered')));
}
