// Everything ciao holds about one agent, for a GDPR access request. Every query is scoped to the
// tenant; the long lists (registrations, work sessions, anomalies, audit entries) are read a keyset
// page at a time, so that five years of registrations stream through without being held at once.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

async function rowsOf<Row>(db: Db, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** Rows per page of a long list. */
export const PERSONAL_DATA_PAGE_ROWS = 500;

/** Both drivers may give timestamps as Date or as text: the export always says ISO 8601 UTC. */
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export interface Subject {
  tenantId: string;
  agentId: string;
  /** The agent's automatic web user, whose sessions and actions are the agent's too. */
  userId: string | null;
}

export async function webUserOf(db: Db, subject: Subject) {
  const [row] = await rowsOf<{
    id: string;
    login: string;
    email: string | null;
    display_name: string;
    language: string;
    role: string;
    active: boolean;
    two_factor: boolean;
    last_login_at: Date | string | null;
    created_at: Date | string;
  }>(
    db,
    sql`select id, login, email, display_name, language, role, active,
      (totp_enabled_at is not null) as two_factor, last_login_at, created_at
    from web_users where tenant_id = ${subject.tenantId} and agent_id = ${subject.agentId} limit 1`,
  );
  return row;
}

export function tasksOf(db: Db, subject: Subject) {
  return rowsOf<{
    task_id: string;
    task: string;
    site: string;
    client: string;
    active: boolean;
    linked_at: Date | string;
  }>(
    db,
    sql`select t.id as task_id, t.name as task, s.name as site, c.name as client, t.active, ta.created_at as linked_at
    from task_agents ta
    join tasks t on t.id = ta.task_id and t.tenant_id = ta.tenant_id
    join sites s on s.id = t.site_id and s.tenant_id = t.tenant_id
    join clients c on c.id = s.client_id and c.tenant_id = s.tenant_id
    where ta.tenant_id = ${subject.tenantId} and ta.agent_id = ${subject.agentId}
    order by s.name, t.name`,
  );
}

/** The devices the agent signed in on, one line per sign-in (app token). */
export function devicesOf(db: Db, subject: Subject) {
  return rowsOf<{
    device_id: string;
    platform: string | null;
    app_version: string | null;
    activated_at: Date | string;
    last_seen_at: Date | string | null;
    device_revoked_at: Date | string | null;
    signed_in_at: Date | string;
    last_used_at: Date | string | null;
    signed_out_at: Date | string | null;
  }>(
    db,
    sql`select d.id as device_id, d.platform, d.app_version, d.activated_at, d.last_seen_at,
      d.revoked_at as device_revoked_at, at.created_at as signed_in_at, at.last_used_at,
      at.revoked_at as signed_out_at
    from agent_tokens at
    join devices d on d.id = at.device_id and d.tenant_id = at.tenant_id
    where at.tenant_id = ${subject.tenantId} and at.agent_id = ${subject.agentId}
    order by at.created_at`,
  );
}

export function webSessionsOf(db: Db, subject: Subject) {
  if (!subject.userId) return Promise.resolve([]);
  return rowsOf<{
    created_at: Date | string;
    last_seen_at: Date | string;
    expires_at: Date | string;
    revoked_at: Date | string | null;
    ip: string | null;
    user_agent: string | null;
  }>(
    db,
    sql`select created_at, last_seen_at, expires_at, revoked_at, ip, user_agent from web_sessions
    where tenant_id = ${subject.tenantId} and user_id = ${subject.userId} order by created_at`,
  );
}

/** A keyset cursor: the last row's sort instant (as the database wrote it) and id. */
export interface PageCursor {
  at: string;
  id: string;
}

const after = (cursor: PageCursor | null, at: SQL, id: SQL) =>
  cursor ? sql`and (${at}, ${id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;

export interface RegistrationRow {
  id: string;
  cursor_at: string;
  action: string;
  direction: string;
  device_time: Date | string;
  received_at: Date | string;
  task: string;
  site: string;
  latitude: number | null;
  longitude: number | null;
  position_anonymised_at: Date | string | null;
  accuracy_meters: number;
  distance_meters: number | null;
  inside_geofence: boolean | null;
  flags: string[];
  captured_offline: boolean;
  app_version: string | null;
  onss_status: string | null;
  onss_id: string | null;
  onss_registered_at: Date | string | null;
  onss_validated_at: Date | string | null;
  onss_remarks: string[] | null;
}

export function registrationPage(db: Db, subject: Subject, cursor: PageCursor | null, limit: number) {
  return rowsOf<RegistrationRow>(
    db,
    sql`select ce.id, ce.device_time::text as cursor_at, ce.action, ce.direction, ce.device_time, ce.received_at,
      t.name as task, s.name as site, ce.latitude, ce.longitude, ce.position_anonymised_at,
      ce.accuracy_meters, ce.distance_meters, ce.inside_geofence, ce.flags, ce.captured_offline, ce.app_version,
      o.status as onss_status, o.onss_id, o.registered_at as onss_registered_at,
      o.validated_at as onss_validated_at, o.remarks as onss_remarks
    from clock_events ce
    join tasks t on t.id = ce.task_id and t.tenant_id = ce.tenant_id
    join sites s on s.id = ce.site_id and s.tenant_id = ce.tenant_id
    left join onss_registrations o on o.tenant_id = ce.tenant_id and o.clock_event_id = ce.id
    where ce.tenant_id = ${subject.tenantId} and ce.agent_id = ${subject.agentId}
      ${after(cursor, sql`ce.device_time`, sql`ce.id`)}
    order by ce.device_time, ce.id
    limit ${limit}`,
  );
}

export interface WorkSessionRow {
  id: string;
  cursor_at: string;
  work_date: string;
  task: string;
  site: string;
  state: string;
  started_at: Date | string;
  ended_at: Date | string | null;
  worked_seconds: number;
  break_seconds: number;
  break_count: number;
  corrected: boolean;
  corrected_started_at: Date | string | null;
  corrected_ended_at: Date | string | null;
  corrected_worked_seconds: number | null;
  corrections: { at: string; reason: string; before: unknown; after: unknown }[];
}

export function workSessionPage(db: Db, subject: Subject, cursor: PageCursor | null, limit: number) {
  return rowsOf<WorkSessionRow>(
    db,
    sql`select ws.id, ws.started_at::text as cursor_at, ws.work_date::text as work_date, t.name as task,
      s.name as site, ws.state, ws.started_at, ws.ended_at, ws.worked_seconds, ws.break_seconds,
      ws.break_count, ws.corrected, ws.corrected_started_at, ws.corrected_ended_at,
      ws.corrected_worked_seconds,
      coalesce((select json_agg(json_build_object('at', c.created_at, 'reason', c.reason,
          'before', c.before, 'after', c.after) order by c.created_at)
        from work_session_corrections c
        where c.tenant_id = ws.tenant_id and c.work_session_id = ws.id), '[]'::json) as corrections
    from work_sessions ws
    join tasks t on t.id = ws.task_id and t.tenant_id = ws.tenant_id
    join sites s on s.id = ws.site_id and s.tenant_id = ws.tenant_id
    where ws.tenant_id = ${subject.tenantId} and ws.agent_id = ${subject.agentId}
      ${after(cursor, sql`ws.started_at`, sql`ws.id`)}
    order by ws.started_at, ws.id
    limit ${limit}`,
  );
}

export interface AnomalyRow {
  id: string;
  cursor_at: string;
  type: string;
  status: string;
  opened_at: Date | string;
  acknowledged_at: Date | string | null;
  resolved_at: Date | string | null;
  resolved_automatically: boolean;
  comment: string | null;
  details: Record<string, unknown>;
}

export function anomalyPage(db: Db, subject: Subject, cursor: PageCursor | null, limit: number) {
  return rowsOf<AnomalyRow>(
    db,
    sql`select a.id, a.opened_at::text as cursor_at, a.type, a.status, a.opened_at, a.acknowledged_at,
      a.resolved_at, a.resolved_automatically, a.comment, a.details
    from anomalies a
    where a.tenant_id = ${subject.tenantId} and a.agent_id = ${subject.agentId}
      ${after(cursor, sql`a.opened_at`, sql`a.id`)}
    order by a.opened_at, a.id
    limit ${limit}`,
  );
}

export interface AuditRow {
  id: number | string;
  at: Date | string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/**
 * Audit entries about the agent (or its web user), and those the agent made: its registrations,
 * its sign-ins. Paged by the entry's number, which grows with time.
 */
export function auditPage(db: Db, subject: Subject, afterId: number, limit: number) {
  const ids = subject.userId ? sql`(${subject.agentId}, ${subject.userId})` : sql`(${subject.agentId})`;
  return rowsOf<AuditRow>(
    db,
    sql`select id, at, actor_type, actor_id, action, entity_type, entity_id, before, after, ip
    from audit_log
    where tenant_id = ${subject.tenantId} and id > ${afterId}
      and ((entity_type in ('agent', 'user') and entity_id in ${ids})
        or (actor_type in ('agent', 'user') and actor_id in ${ids}))
    order by id
    limit ${limit}`,
  );
}

/** Reads a list a keyset page at a time. */
export async function* pagesOf<Row extends { id: string; cursor_at: string }>(
  fetch: (cursor: PageCursor | null, limit: number) => Promise<Row[]>,
  limit = PERSONAL_DATA_PAGE_ROWS,
): AsyncGenerator<Row[]> {
  let cursor: PageCursor | null = null;
  for (;;) {
    const rows = await fetch(cursor, limit);
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    const last = rows.at(-1)!;
    cursor = { at: last.cursor_at, id: last.id };
  }
}

export async function* auditPages(
  db: Db,
  subject: Subject,
  limit = PERSONAL_DATA_PAGE_ROWS,
): AsyncGenerator<AuditRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = await auditPage(db, subject, afterId, limit);
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    afterId = Number(rows.at(-1)!.id);
  }
}
