// SQL of the ONSS outbox (onss_registrations): claiming due rows, recording what ONSS answered.
import { and, asc, eq, getTableColumns, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { onssRegistrations } from '../db/schema/index.js';

export type OutboxRow = typeof onssRegistrations.$inferSelect;

/** A claimed row; `interrupted` when a process died sending it: ONSS may have it already. */
export type ClaimedRow = OutboxRow & { interrupted: boolean };

/**
 * Claims up to `limit` due rows: to send or failing with their next attempt due, and rows left
 * "sending" by a process that died (claim expired). One statement, `FOR UPDATE SKIP LOCKED`, so
 * several workers never claim the same row.
 */
export async function claimDueRows(
  db: Db,
  now: Date,
  claimUntil: Date,
  limit: number,
): Promise<ClaimedRow[]> {
  const due = db
    .select({
      id: onssRegistrations.id,
      previousStatus: sql<string>`${onssRegistrations.status}`.as('previous_status'),
    })
    .from(onssRegistrations)
    // One range of the partial due index: a claimed row keeps the due time it was claimed at, so a
    // row left "sending" is due too and only needs its claim expired. (Written as an `or` of the two
    // cases, PostgreSQL read and sorted the whole table at every pass.)
    .where(
      and(
        inArray(onssRegistrations.status, ['to_send', 'send_failing', 'sending']),
        lte(onssRegistrations.nextAttemptAt, now),
        or(ne(onssRegistrations.status, 'sending'), lt(onssRegistrations.claimedUntil, now)),
      ),
    )
    .orderBy(asc(onssRegistrations.nextAttemptAt), asc(onssRegistrations.registrationTime))
    .limit(limit)
    .for('update', { skipLocked: true })
    .as('due');
  const rows = await db
    .update(onssRegistrations)
    .set({ status: 'sending', claimedUntil: claimUntil, updatedAt: now })
    .from(due)
    .where(eq(onssRegistrations.id, due.id))
    .returning({ ...getTableColumns(onssRegistrations), previousStatus: due.previousStatus });
  return rows.map(({ previousStatus, ...row }) => ({
    ...row,
    interrupted: previousStatus === 'sending' || row.outcomeUnknown,
  }));
}

/** What ONSS answered for one claimed row: created (with its id) or refused at registration. */
export type RegistrationOutcome =
  | { id: string; created: true; onssId: string; remarks: string[] }
  | { id: string; created: false; remarks: string[] };

/**
 * Records ONSS's answers to one call in one statement per kind (a call carries up to 200 rows: one
 * update per row was most of a drain's time). Created rows become registered with their ONSS id and
 * a pending validity; refused ones refused with their remarks.
 */
export async function recordRegistrationOutcomes(
  db: Db,
  outcomes: readonly RegistrationOutcome[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const created = outcomes.filter((outcome) => outcome.created);
  const refused = outcomes.filter((outcome) => !outcome.created);
  if (created.length > 0) {
    const values = JSON.stringify(
      created.map((outcome) => ({ id: outcome.id, onss_id: outcome.onssId, remarks: outcome.remarks })),
    );
    await db.execute(sql`
      update onss_registrations as r set
        status = 'registered', onss_id = v.onss_id, remarks = v.remarks, attempts = r.attempts + 1,
        sent_at = ${at}::timestamptz, registered_at = ${at}::timestamptz, claimed_until = null, next_attempt_at = null,
        last_error = null, outcome_unknown = false, updated_at = ${at}::timestamptz,
        validity_history = r.validity_history
          || jsonb_build_array(jsonb_build_object('at', ${at}::text, 'validity', 'pending', 'remarks', v.remarks))
      from jsonb_to_recordset(${values}::jsonb) as v(id uuid, onss_id text, remarks jsonb)
      where r.id = v.id and r.status = 'sending'`);
  }
  if (refused.length > 0) {
    const values = JSON.stringify(refused.map((outcome) => ({ id: outcome.id, remarks: outcome.remarks })));
    await db.execute(sql`
      update onss_registrations as r set
        status = 'refused', remarks = v.remarks, attempts = r.attempts + 1, sent_at = ${at}::timestamptz,
        claimed_until = null, next_attempt_at = null, last_error = null, outcome_unknown = false,
        updated_at = ${at}::timestamptz,
        validity_history = r.validity_history
          || jsonb_build_array(jsonb_build_object('at', ${at}::text, 'validity', 'refused', 'remarks', v.remarks))
      from jsonb_to_recordset(${values}::jsonb) as v(id uuid, remarks jsonb)
      where r.id = v.id and r.status = 'sending'`);
  }
}

/** A failed attempt of one row: retried at `nextAttemptAt`, or set aside for a person when null. */
export interface AttemptFailure {
  id: string;
  error: string;
  nextAttemptAt: Date | null;
  countsAsAttempt: boolean;
  outcomeUnknown: boolean;
}

/**
 * Records failed attempts in one statement (a failed call carries up to 200 rows: one update per
 * row made an ONSS outage cost the database more than the registrations). Only rows still claimed
 * ("sending") are written: a row reclaimed meanwhile is not overwritten.
 */
export async function markAttemptsFailed(
  db: Db,
  failures: readonly AttemptFailure[],
  now: Date,
): Promise<void> {
  if (failures.length === 0) return;
  const values = JSON.stringify(
    failures.map((failure) => ({
      id: failure.id,
      error: failure.error.slice(0, 2000),
      next_attempt_at: failure.nextAttemptAt?.toISOString() ?? null,
      counts: failure.countsAsAttempt,
      outcome_unknown: failure.outcomeUnknown,
    })),
  );
  const at = now.toISOString();
  await db.execute(sql`
    update onss_registrations as r set
      status = case when v.next_attempt_at is null then 'needs_attention' else 'send_failing' end,
      outcome_unknown = v.outcome_unknown,
      attempts = r.attempts + case when v.counts then 1 else 0 end,
      next_attempt_at = v.next_attempt_at, claimed_until = null, last_error = v.error,
      sent_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
    from jsonb_to_recordset(${values}::jsonb)
      as v(id uuid, error text, next_attempt_at timestamptz, counts boolean, outcome_unknown boolean)
    where r.id = v.id and r.status = 'sending'`);
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
      // Released only once ONSS said it did not have them (or they were never sent).
      outcomeUnknown: false,
      updatedAt: now,
    })
    .where(and(inArray(onssRegistrations.id, ids), eq(onssRegistrations.status, 'sending')));
}

/**
 * Takes up to `limit` registered rows whose validity is due to be asked (never asked, or their next
 * check has come), oldest first, and holds them until `leaseUntil` (their next check), so that
 * another process's pass skips them (`FOR UPDATE SKIP LOCKED`) and a process dying mid-pass only
 * delays them. `next_attempt_at` of a registered row is its next validity check.
 */
export async function claimValidityChecks(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxRow[]> {
  const due = db
    .select({ id: onssRegistrations.id })
    .from(onssRegistrations)
    .where(
      and(
        eq(onssRegistrations.status, 'registered'),
        or(isNull(onssRegistrations.nextAttemptAt), lte(onssRegistrations.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(onssRegistrations.registeredAt))
    .limit(limit)
    .for('update', { skipLocked: true })
    .as('due');
  return db
    .update(onssRegistrations)
    .set({ nextAttemptAt: leaseUntil })
    .from(due)
    .where(eq(onssRegistrations.id, due.id))
    .returning(getTableColumns(onssRegistrations));
}

/**
 * Rows ONSS still has pending: asked again after a quarter of their age, at least `minMs` and at
 * most `maxMs` later, so that registrations ONSS takes hours to validate do not hold back the
 * newer ones in every pass.
 */
export async function postponeValidityChecks(
  db: Db,
  ids: readonly string[],
  now: Date,
  bounds: { minMs: number; maxMs: number },
): Promise<void> {
  if (ids.length === 0) return;
  const at = sql`${now.toISOString()}::timestamptz`;
  const age = sql`(${at} - coalesce(${onssRegistrations.registeredAt}, ${at}))`;
  await db
    .update(onssRegistrations)
    .set({
      nextAttemptAt: sql`${at} + least(greatest(${age} / 4, ${bounds.minMs} * interval '1 millisecond'), ${bounds.maxMs} * interval '1 millisecond')`,
    })
    .where(and(inArray(onssRegistrations.id, [...ids]), eq(onssRegistrations.status, 'registered')));
}

/** ONSS's verdict on a registered row, as learnt from a search or a read of the registration. */
export interface ValidityOutcome {
  id: string;
  status: 'validated' | 'refused' | 'cancelled';
  remarks: string[];
  /** When ONSS gave it (its history), or when ciao learnt it when ONSS did not say. */
  at: string;
}

/** Records verdicts in one statement; a row no longer "registered" (cancelled meanwhile) is left alone. */
export async function recordValidities(
  db: Db,
  outcomes: readonly ValidityOutcome[],
  now: Date,
): Promise<void> {
  if (outcomes.length === 0) return;
  const values = JSON.stringify(
    outcomes.map((outcome) => ({
      id: outcome.id,
      status: outcome.status,
      remarks: outcome.remarks,
      entry: { at: outcome.at, validity: outcome.status, remarks: outcome.remarks },
    })),
  );
  const at = now.toISOString();
  await db.execute(sql`
    update onss_registrations as r set
      status = v.status, remarks = v.remarks,
      validated_at = case when v.status = 'cancelled' then null else ${at}::timestamptz end,
      validity_history = r.validity_history || jsonb_build_array(v.entry), next_attempt_at = null,
      updated_at = ${at}::timestamptz
    from jsonb_to_recordset(${values}::jsonb) as v(id uuid, status text, remarks jsonb, entry jsonb)
    where r.id = v.id and r.status = 'registered'`);
}

/**
 * Registered rows ONSS will not tell about any more (a read of their id keeps answering a 4xx):
 * needs_attention with the reason, for a person to check at ONSS; no longer asked. Their outcome
 * counts as unknown, so that sending one again asks ONSS first and never declares it twice.
 */
export async function setAsideUntoldValidities(
  db: Db,
  rows: readonly { id: string; error: string }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const values = JSON.stringify(rows.map((row) => ({ id: row.id, error: row.error.slice(0, 2000) })));
  const at = now.toISOString();
  await db.execute(sql`
    update onss_registrations as r set
      status = 'needs_attention', outcome_unknown = true, last_error = v.error, next_attempt_at = null,
      updated_at = ${at}::timestamptz
    from jsonb_to_recordset(${values}::jsonb) as v(id uuid, error text)
    where r.id = v.id and r.status = 'registered'`);
}
