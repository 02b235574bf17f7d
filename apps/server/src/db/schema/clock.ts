import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns.js';
import { agents } from './people.js';
import { sites, tasks } from './places.js';
import { devices, tenants } from './tenants.js';

/**
 * One registration made by an agent in the app (arrive, pause, resume, leave). Legal record: never
 * updated after it is accepted, kept 7 years. The id is made by the device so that a replay is
 * recognised (idempotent sync); the key includes the tenant so one tenant's ids never collide with
 * or reveal another's.
 */
export const clockEvents = pgTable(
  'clock_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    deviceId: uuid('device_id').references(() => devices.id),
    workSessionId: uuid('work_session_id'),
    /** ARRIVE, PAUSE, RESUME or LEAVE. */
    action: text('action').notNull(),
    /** IN or OUT, the only two ONSS registration types (a pause is an OUT, a resume an IN). */
    direction: text('direction').notNull(),
    deviceTime: instant('device_time').notNull(),
    receivedAt: instant('received_at').notNull().defaultNow(),
    /**
     * The raw position; null once the retention job has anonymised it (RETENTION_POSITION_MONTHS).
     * The accuracy, distance and geofence verdict stay: the registration remains explainable.
     */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    positionAnonymisedAt: instant('position_anonymised_at'),
    accuracyMeters: real('accuracy_meters').notNull(),
    distanceMeters: real('distance_meters'),
    insideGeofence: boolean('inside_geofence'),
    /** e.g. OUTSIDE_GEOFENCE, POOR_ACCURACY, LATE_SYNC. */
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    capturedOffline: boolean('captured_offline').notNull().default(false),
    appVersion: text('app_version'),
    /** SHA-256 of the event's content: the same id with other content is a conflict, not a replay. */
    contentHash: text('content_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('clock_events_tenant_time_idx').on(t.tenantId, t.deviceTime),
    index('clock_events_agent_time_idx').on(t.tenantId, t.agentId, t.deviceTime),
    index('clock_events_site_time_idx').on(t.tenantId, t.siteId, t.deviceTime),
    // The back-office registrations list filters by task (and by group, through its tasks) and
    // sorts by reception time: without these, such a page scans the company's whole history.
    index('clock_events_task_time_idx').on(t.tenantId, t.taskId, t.deviceTime),
    index('clock_events_session_idx').on(t.workSessionId),
    // "Late syncs" and "outside the geofence" are a few percent of the registrations: without these
    // small partial indexes, counting them read the company's whole history (0.3 s at a million).
    index('clock_events_late_idx')
      .on(t.tenantId, t.deviceTime)
      .where(sql`${t.flags} @> '["LATE_SYNC"]'::jsonb`),
    index('clock_events_outside_idx')
      .on(t.tenantId, t.deviceTime)
      .where(sql`${t.insideGeofence} = false`),
    // The public API's incremental sync reads registrations in reception order, and the
    // registrations list sorts by it (its prefix serves that: no second index on the hot insert).
    index('clock_events_tenant_received_idx').on(t.tenantId, t.receivedAt, t.id),
  ],
);

/** A stretch of work of one agent on one task, from arrival to departure, derived from clock events. */
export const workSessions = pgTable(
  'work_sessions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    /** The local date (tenant's zone) of the arrival: the day the session is reported on. */
    workDate: date('work_date', { mode: 'string' }).notNull(),
    /** WORKING, ON_BREAK or CLOSED. */
    state: text('state').notNull(),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at'),
    lastEventAt: instant('last_event_at').notNull(),
    workedSeconds: integer('worked_seconds').notNull().default(0),
    breakSeconds: integer('break_seconds').notNull().default(0),
    breakCount: integer('break_count').notNull().default(0),
    /** Manager corrections change reports only; the registered events are never altered. */
    corrected: boolean('corrected').notNull().default(false),
    correctedStartedAt: instant('corrected_started_at'),
    correctedEndedAt: instant('corrected_ended_at'),
    correctedWorkedSeconds: integer('corrected_worked_seconds'),
    correctedBreakSeconds: integer('corrected_break_seconds'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One open task at a time per agent, enforced by the database as well as by the state machine.
    uniqueIndex('work_sessions_one_open_key')
      .on(t.tenantId, t.agentId)
      .where(sql`${t.state} <> 'CLOSED'`),
    // Every registration reads its agent's unfinished sessions: found here whatever the history.
    index('work_sessions_unfinished_idx').on(t.tenantId, t.agentId).where(unfinishedSession(t)),
    index('work_sessions_agent_date_idx').on(t.tenantId, t.agentId, t.workDate),
    index('work_sessions_date_idx').on(t.tenantId, t.workDate),
    index('work_sessions_site_date_idx').on(t.tenantId, t.siteId, t.workDate),
    index('work_sessions_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);

/**
 * A session still open, or closed by a manager's correction without its departure: the sessions a
 * registration of the agent must take into account. One text for the queries and their partial
 * index, so that PostgreSQL sees the index applies.
 */
export function unfinishedSession(t: { state: AnyPgColumn; corrected: AnyPgColumn; endedAt: AnyPgColumn }) {
  return sql`(${t.state} <> 'CLOSED' or (${t.corrected} and ${t.endedAt} is null))`;
}

/** A manager's correction of a work session, with its mandatory reason (audited, never sent to ONSS). */
export const workSessionCorrections = pgTable(
  'work_session_corrections',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    workSessionId: uuid('work_session_id')
      .notNull()
      .references(() => workSessions.id, { onDelete: 'cascade' }),
    correctedByUserId: uuid('corrected_by_user_id').notNull(),
    reason: text('reason').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('work_session_corrections_session_idx').on(t.tenantId, t.workSessionId)],
);

/**
 * A compliance anomaly (missed departure, break too long, no break after 6 h, outside geofence,
 * poor accuracy, late sync, no-show, ONSS not confirmed or refused). At most one open anomaly per
 * cause: `dedupeKey` names the cause.
 */
export const anomalies = pgTable(
  'anomalies',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** open, acknowledged or resolved. */
    status: text('status').notNull().default('open'),
    dedupeKey: text('dedupe_key').notNull(),
    agentId: uuid('agent_id').references(() => agents.id),
    siteId: uuid('site_id').references(() => sites.id),
    taskId: uuid('task_id').references(() => tasks.id),
    workSessionId: uuid('work_session_id'),
    clockEventId: uuid('clock_event_id'),
    onssRegistrationId: uuid('onss_registration_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    openedAt: instant('opened_at').notNull().defaultNow(),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedByUserId: uuid('acknowledged_by_user_id'),
    resolvedAt: instant('resolved_at'),
    resolvedByUserId: uuid('resolved_by_user_id'),
    /** True when the scan closed it because the cause disappeared. */
    resolvedAutomatically: boolean('resolved_automatically').notNull().default(false),
    comment: text('comment'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('anomalies_open_cause_key')
      .on(t.tenantId, t.dedupeKey)
      .where(sql`${t.status} <> 'resolved'`),
    index('anomalies_tenant_status_idx').on(t.tenantId, t.status, t.type),
    index('anomalies_tenant_opened_idx').on(t.tenantId, t.openedAt),
    index('anomalies_agent_idx').on(t.tenantId, t.agentId),
    // "Has an open anomaly" on the registrations list looks anomalies up by registration.
    index('anomalies_clock_event_idx')
      .on(t.tenantId, t.clockEventId)
      .where(sql`${t.clockEventId} is not null`),
    index('anomalies_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);
