// The retention job's SQL. Every statement touches at most `limit` rows and commits on its own,
// so that a first run on ten years of data never holds a giant transaction or long locks; a caller
// repeats a statement until it touches fewer rows than the limit. Raw SQL: several statements are
// data-modifying CTEs (one statement deletes a work session with everything that references it).
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/query-helpers.js';
import { exportJobs } from '../../db/schema/index.js';

/** ONSS statuses still on their way (the outbox sends or retries them): such a row keeps its data. */
const ONSS_IN_FLIGHT = sql`('to_send', 'sending', 'send_failing')`;
/**
 * ONSS statuses after which a registration may be deleted at the end of its legal period: accepted
 * by ONSS (registered, validated), cancelled, or never due (not_applicable). A refused or
 * needs_attention registration is an open legal question and is kept until someone settles it.
 */
const ONSS_SETTLED = sql`('registered', 'validated', 'cancelled', 'not_applicable')`;

async function countOf(db: Db, query: SQL): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(db, query);
  return Number(row?.n ?? 0);
}

export async function tenantIds(db: Db): Promise<string[]> {
  return (await rowsOf<{ id: string }>(db, sql`select id from tenants order by id`)).map((row) => row.id);
}

// --- Positions -------------------------------------------------------------------------------

/**
 * Where the search for positions to anonymise starts: a month before the newest registration
 * already anonymised (found at once, reading the time index backwards from the cut-off), so that a
 * nightly pass reads about a day of registrations instead of rereading years of done ones — with
 * no index of its own on the hottest insert. Nothing is missed: a registration reaches the server
 * at most 30 days after it was made (the companies' `maxEventAgeDays` is capped there), long before
 * the cut-off (months) reaches it; the month of slack also lets registrations that waited for ONSS
 * a while catch up. The first pass (nothing anonymised yet) reads everything.
 */
const anonymisedSlack = sql`interval '31 days'`;
const searchFrom = (tenantId: string, before: Date) => sql`coalesce((
    select done.device_time - ${anonymisedSlack} from clock_events done
    where done.tenant_id = ${tenantId} and done.device_time < ${before} and done.position_anonymised_at is not null
    order by done.device_time desc limit 1
  ), '-infinity'::timestamptz)`;

const positionsToAnonymise = (tenantId: string, before: Date) => sql`
  from clock_events ce
  where ce.tenant_id = ${tenantId} and ce.latitude is not null and ce.device_time < ${before}
    and ce.device_time >= ${searchFrom(tenantId, before)}
    and not exists (
      select 1 from onss_registrations o
      where o.tenant_id = ce.tenant_id and o.clock_event_id = ce.id and o.status in ${ONSS_IN_FLIGHT}
    )`;

export async function countPositionsToAnonymise(db: Db, tenantId: string, before: Date) {
  return countOf(db, sql`select count(*) as n ${positionsToAnonymise(tenantId, before)}`);
}

/**
 * Removes the raw position of up to `limit` registrations: latitude and longitude on the clock
 * event, and the copy in the ONSS payload (already sent: in-flight rows are skipped, the outbox
 * still needs it). The accuracy, distance, geofence verdict and flags stay, so the registration
 * remains explainable. `updated_at` is left alone: this is no news for webhooks or the sync API.
 */
export async function anonymisePositions(
  db: Db,
  tenantId: string,
  before: Date,
  now: Date,
  limit: number,
): Promise<number> {
  return countOf(
    db,
    sql`
    with batch as (
      select ce.tenant_id, ce.id ${positionsToAnonymise(tenantId, before)}
      order by ce.device_time
      limit ${limit}
    ),
    -- Runs even though the select below does not read it (PostgreSQL runs every data-modifying CTE).
    payloads as (
      update onss_registrations o set payload = o.payload - 'position'
      from batch b
      where o.tenant_id = b.tenant_id and o.clock_event_id = b.id
      returning 1
    ),
    done as (
      update clock_events ce set latitude = null, longitude = null, position_anonymised_at = ${now}
      from batch b
      where ce.tenant_id = b.tenant_id and ce.id = b.id
      returning 1
    )
    select count(*) as n from done`,
  );
}

// --- Registrations and work sessions ---------------------------------------------------------

/** Closed work sessions from before the cut-off whose registrations ONSS has all settled. */
const expiredSessions = (tenantId: string, beforeDate: string) => sql`
  from work_sessions ws
  where ws.tenant_id = ${tenantId} and ws.work_date < ${beforeDate} and ws.state = 'CLOSED'
    and not exists (
      select 1 from clock_events ce
      join onss_registrations o on o.tenant_id = ce.tenant_id and o.clock_event_id = ce.id
      where ce.tenant_id = ws.tenant_id and ce.work_session_id = ws.id
        and o.status not in ${ONSS_SETTLED}
    )`;

export interface RegistrationCounts {
  workSessions: number;
  clockEvents: number;
  onssRegistrations: number;
  corrections: number;
  anomalies: number;
}

function registrationCte(tenantId: string, beforeDate: string, limit: number | null) {
  return sql`
    with batch as (
      select ws.id ${expiredSessions(tenantId, beforeDate)}
      ${limit === null ? sql`` : sql`order by ws.work_date limit ${limit}`}
    ),
    events as (
      select ce.id from clock_events ce
      where ce.tenant_id = ${tenantId} and ce.work_session_id in (select id from batch)
    ),
    regs as (
      select o.id from onss_registrations o
      where o.tenant_id = ${tenantId} and o.clock_event_id in (select id from events)
    )`;
}

type CountRow = Record<keyof RegistrationCounts, number | string>;
const toCounts = (row: Partial<Record<string, number | string>> | undefined): RegistrationCounts => ({
  workSessions: Number(row?.work_sessions ?? 0),
  clockEvents: Number(row?.clock_events ?? 0),
  onssRegistrations: Number(row?.onss_registrations ?? 0),
  corrections: Number(row?.corrections ?? 0),
  anomalies: Number(row?.anomalies ?? 0),
});

export async function countExpiredRegistrations(
  db: Db,
  tenantId: string,
  beforeDate: string,
  beforeInstant: Date,
): Promise<RegistrationCounts> {
  const [row] = await rowsOf<CountRow>(
    db,
    sql`${registrationCte(tenantId, beforeDate, null)}
    select (select count(*) from batch) as work_sessions,
      (select count(*) from events) as clock_events,
      (select count(*) from regs) as onss_registrations,
      (select count(*) from work_session_corrections c
        where c.tenant_id = ${tenantId} and c.work_session_id in (select id from batch)) as corrections,
      (select count(*) from anomalies a where a.tenant_id = ${tenantId} and (
        a.work_session_id in (select id from batch) or a.clock_event_id in (select id from events)
        or a.onss_registration_id in (select id from regs)
        or (a.opened_at < ${beforeInstant} and a.work_session_id is null and a.clock_event_id is null
            and a.onss_registration_id is null))) as anomalies`,
  );
  return toCounts(row as never);
}

/**
 * Deletes up to `limit` expired work sessions with everything that references them, in one
 * statement: their clock events, the ONSS registrations of those events (and their lines in
 * correction requests), their corrections and anomalies. NO ACTION foreign keys are checked at the
 * end of the statement, so the order of the CTEs does not matter.
 */
export async function deleteExpiredRegistrations(
  db: Db,
  tenantId: string,
  beforeDate: string,
  limit: number,
): Promise<RegistrationCounts> {
  const [row] = await rowsOf<CountRow>(
    db,
    sql`${registrationCte(tenantId, beforeDate, limit)},
    gone_anomalies as (
      delete from anomalies a where a.tenant_id = ${tenantId} and (
        a.work_session_id in (select id from batch) or a.clock_event_id in (select id from events)
        or a.onss_registration_id in (select id from regs))
      returning 1
    ),
    gone_items as (
      delete from correction_request_items i
      where i.tenant_id = ${tenantId} and i.onss_registration_id in (select id from regs)
      returning 1
    ),
    gone_regs as (
      delete from onss_registrations o where o.tenant_id = ${tenantId} and o.id in (select id from regs)
      returning 1
    ),
    gone_events as (
      delete from clock_events ce where ce.tenant_id = ${tenantId} and ce.id in (select id from events)
      returning 1
    ),
    gone_corrections as (
      delete from work_session_corrections c
      where c.tenant_id = ${tenantId} and c.work_session_id in (select id from batch)
      returning 1
    ),
    gone_sessions as (
      delete from work_sessions ws where ws.tenant_id = ${tenantId} and ws.id in (select id from batch)
      returning 1
    )
    select (select count(*) from gone_sessions) as work_sessions,
      (select count(*) from gone_events) as clock_events,
      (select count(*) from gone_regs) as onss_registrations,
      (select count(*) from gone_corrections) as corrections,
      (select count(*) from gone_anomalies) as anomalies,
      (select count(*) from gone_items) as items`,
  );
  return toCounts(row as never);
}

/** Anomalies about no registration (a no-show) opened before the cut-off. */
export async function deleteExpiredLooseAnomalies(db: Db, tenantId: string, before: Date, limit: number) {
  return deleteBatch(
    db,
    'anomalies',
    sql`tenant_id = ${tenantId} and opened_at < ${before} and work_session_id is null
      and clock_event_id is null and onss_registration_id is null`,
    limit,
  );
}

/** Correction requests older than the cut-off whose lines all went with their registrations. */
export async function deleteEmptyCorrectionRequests(db: Db, tenantId: string, before: Date, limit: number) {
  return deleteBatch(
    db,
    'correction_requests',
    sql`tenant_id = ${tenantId} and created_at < ${before} and not exists (
      select 1 from correction_request_items i where i.correction_request_id = correction_requests.id)`,
    limit,
  );
}

/** Closed work sessions from before the cut-off kept because ONSS has not settled them. */
export async function countRegistrationsAwaitingOnss(db: Db, tenantId: string, beforeDate: string) {
  return countOf(
    db,
    sql`select count(*) as n from work_sessions ws
    where ws.tenant_id = ${tenantId} and ws.work_date < ${beforeDate} and exists (
      select 1 from clock_events ce
      join onss_registrations o on o.tenant_id = ce.tenant_id and o.clock_event_id = ce.id
      where ce.tenant_id = ws.tenant_id and ce.work_session_id = ws.id and o.status not in ${ONSS_SETTLED})`,
  );
}

// --- Simple purges ---------------------------------------------------------------------------

/** The tables a simple purge may name (never from input). */
type PurgedTable =
  | 'anomalies'
  | 'correction_requests'
  | 'audit_log'
  | 'webhook_deliveries'
  | 'email_outbox'
  | 'notifications_sent'
  | 'web_sessions'
  | 'operator_sessions'
  | 'password_tokens'
  | 'agent_tokens'
  | 'idempotency_keys'
  | 'auth_throttles';

/** Deletes up to `limit` rows matching `where` (ctid: works for every table, composite keys included). */
export async function deleteBatch(db: Db, table: PurgedTable, where: SQL, limit: number): Promise<number> {
  const name = sql.raw(table);
  return countOf(
    db,
    sql`with gone as (
      delete from ${name} where ctid = any(array(select ctid from ${name} where ${where} limit ${limit}))
      returning 1
    ) select count(*) as n from gone`,
  );
}

export async function countWhere(db: Db, table: PurgedTable, where: SQL): Promise<number> {
  return countOf(db, sql`select count(*) as n from ${sql.raw(table)} where ${where}`);
}

/**
 * Audit rows refuse DELETE (a trigger) unless the transaction says it is the retention job; the
 * setting is local to this short transaction, so no other statement ever gets the permission.
 */
export async function deleteAuditBatch(db: Db, where: SQL, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('ciao.audit_purge', 'on', true)`);
    return deleteBatch(tx as unknown as Db, 'audit_log', where, limit);
  });
}

/** Finished background exports from before the cut-off, with the file each may still have. */
export async function finishedExportJobs(db: Db, before: Date, limit: number) {
  return rowsOf<{ id: string; file_path: string | null }>(
    db,
    sql`select id, file_path from export_jobs
    where created_at < ${before} and (status in ('expired', 'failed') or (status = 'done' and expires_at < ${before}))
    order by created_at limit ${limit}`,
  );
}

export async function countFinishedExportJobs(db: Db, before: Date) {
  return countOf(
    db,
    sql`select count(*) as n from export_jobs
    where created_at < ${before} and (status in ('expired', 'failed') or (status = 'done' and expires_at < ${before}))`,
  );
}

export async function deleteExportJobs(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const gone = await db
    .delete(exportJobs)
    .where(inArray(exportJobs.id, ids))
    .returning({ id: exportJobs.id });
  return gone.length;
}
