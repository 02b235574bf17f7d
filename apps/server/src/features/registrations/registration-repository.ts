import { REGISTRATION_COUNT_CAP, type RegistrationListQuery } from '@ciao/domain';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { containsPattern, pageOffset, uuidArray } from '../../db/query-helpers.js';
import {
  agents,
  anomalies,
  clients,
  clockEvents,
  onssRegistrations,
  sites,
  tasks,
  tenants,
  workSessions,
} from '../../db/schema/index.js';

/** The instants bounding a period of local dates: `[start, end)`. */
export interface Period {
  start?: Date;
  end?: Date;
}

const openAnomalyCount = sql<number>`(
  select count(*)::int from ${anomalies}
  where ${anomalies.tenantId} = ${clockEvents.tenantId}
    and ${anomalies.clockEventId} = ${clockEvents.id}
    and ${anomalies.status} <> 'resolved'
)`;

export const registrationListColumns = {
  event: {
    id: clockEvents.id,
    agentId: clockEvents.agentId,
    taskId: clockEvents.taskId,
    siteId: clockEvents.siteId,
    workSessionId: clockEvents.workSessionId,
    action: clockEvents.action,
    direction: clockEvents.direction,
    deviceTime: clockEvents.deviceTime,
    receivedAt: clockEvents.receivedAt,
    accuracyMeters: clockEvents.accuracyMeters,
    distanceMeters: clockEvents.distanceMeters,
    insideGeofence: clockEvents.insideGeofence,
    flags: clockEvents.flags,
    capturedOffline: clockEvents.capturedOffline,
  },
  agentIdentifier: agents.identifier,
  agentFirstName: agents.firstName,
  agentLastName: agents.lastName,
  taskName: tasks.name,
  siteName: sites.name,
  clientId: clients.id,
  clientName: clients.name,
  onssStatus: onssRegistrations.status,
  openAnomalies: openAnomalyCount,
};

export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>['rows'][number];

const detailColumns = {
  ...registrationListColumns,
  latitude: clockEvents.latitude,
  longitude: clockEvents.longitude,
  positionAnonymisedAt: clockEvents.positionAnonymisedAt,
  appVersion: clockEvents.appVersion,
  siteLatitude: sites.latitude,
  siteLongitude: sites.longitude,
  geofenceRadiusMeters: sites.geofenceRadiusMeters,
  onss: onssRegistrations,
};

// The list and the detail join the same tables; drizzle cannot type one helper for two selections.
export const onssOfEvent = and(
  eq(onssRegistrations.tenantId, clockEvents.tenantId),
  eq(onssRegistrations.clockEventId, clockEvents.id),
);

function onssCondition(tenantId: string, condition: SQL): SQL {
  return sql`exists (select 1 from ${onssRegistrations} where ${onssRegistrations.tenantId} = ${tenantId}
    and ${onssRegistrations.clockEventId} = ${clockEvents.id} and ${condition})`;
}

/**
 * Filters narrowed to lists of ids before the page is read, when the lists are short. PostgreSQL
 * cannot tell how many rows a sub-query such as "the agents named Peeters" or "the registrations
 * ONSS refused" will match; it guessed wrong at ten million registrations (a name search read every
 * registration of 250 agents, 0.9 s; "refused" probed ONSS rows for the whole history, 2 s). Given
 * the ids, it estimates right and picks the index that fits: 8 ms and 40 ms.
 */
export interface NarrowedFilters {
  agentIds?: readonly string[];
  onssStatusEventIds?: readonly string[];
  refusedEventIds?: readonly string[];
  anomalyEventIds?: readonly string[];
}

// Past these, the filter matches so much that reading the registrations newest first finds a page
// at once: the sub-query form serves better than a long list.
const MAX_NARROWED_AGENTS = 1_000;
const MAX_NARROWED_EVENTS = 20_000;

function agentSearch(tenantId: string, q: string) {
  const pattern = containsPattern(q);
  return and(
    eq(agents.tenantId, tenantId),
    or(
      ilike(agents.identifier, pattern),
      ilike(sql`${agents.firstName} || ' ' || ${agents.lastName}`, pattern),
      ilike(sql`${agents.lastName} || ' ' || ${agents.firstName}`, pattern),
    ),
  );
}

const openAnomalyOf = (tenantId: string) =>
  and(eq(anomalies.tenantId, tenantId), ne(anomalies.status, 'resolved'));

/** The short id lists of {@link NarrowedFilters} for a query, each left out when it would be long. */
export async function narrowRegistrationFilters(
  db: Db,
  tenantId: string,
  query: RegistrationListQuery,
): Promise<NarrowedFilters> {
  const narrowed: NarrowedFilters = {};
  if (query.q) {
    const rows = await db
      .select({ id: agents.id })
      .from(agents)
      .where(agentSearch(tenantId, query.q))
      .limit(MAX_NARROWED_AGENTS + 1);
    if (rows.length <= MAX_NARROWED_AGENTS) narrowed.agentIds = rows.map((row) => row.id);
  }
  const onssEvents = async (status: string) => {
    const rows = await db
      .select({ id: onssRegistrations.clockEventId })
      .from(onssRegistrations)
      .where(and(eq(onssRegistrations.tenantId, tenantId), eq(onssRegistrations.status, status)))
      .limit(MAX_NARROWED_EVENTS + 1);
    return rows.length <= MAX_NARROWED_EVENTS ? rows.map((row) => row.id) : undefined;
  };
  if (query.onssStatus) narrowed.onssStatusEventIds = await onssEvents(query.onssStatus);
  if (query.refused === true) narrowed.refusedEventIds = await onssEvents('refused');
  if (query.anomaly === true) {
    const rows = await db
      .selectDistinct({ id: anomalies.clockEventId })
      .from(anomalies)
      .where(and(openAnomalyOf(tenantId), sql`${anomalies.clockEventId} is not null`))
      .limit(MAX_NARROWED_EVENTS + 1);
    if (rows.length <= MAX_NARROWED_EVENTS) narrowed.anomalyEventIds = rows.map((row) => row.id!);
  }
  return narrowed;
}

/**
 * The WHERE of a registrations query. Every filter is a condition on `clock_events` itself (the
 * others through `exists` or `in` sub-queries, or the id lists of `narrowed`), so that the count
 * needs no join and each filter can use a `(tenant_id, …, device_time)` index.
 */
export function registrationConditions(
  tenantId: string,
  query: RegistrationListQuery,
  period: Period,
  narrowed: NarrowedFilters = {},
): SQL[] {
  const conditions: SQL[] = [eq(clockEvents.tenantId, tenantId)];
  if (period.start) conditions.push(gte(clockEvents.deviceTime, period.start));
  if (period.end) conditions.push(lt(clockEvents.deviceTime, period.end));
  if (query.agentId) conditions.push(eq(clockEvents.agentId, query.agentId));
  if (query.q) {
    conditions.push(
      narrowed.agentIds
        ? sql`${clockEvents.agentId} = any(${uuidArray(narrowed.agentIds)})`
        : inArray(
            clockEvents.agentId,
            sql`(select ${agents.id} from ${agents} where ${agentSearch(tenantId, query.q)})`,
          ),
    );
  }
  if (query.siteId) conditions.push(eq(clockEvents.siteId, query.siteId));
  if (query.clientId) {
    conditions.push(
      inArray(
        clockEvents.siteId,
        sql`(select ${sites.id} from ${sites} where ${sites.tenantId} = ${tenantId} and ${sites.clientId} = ${query.clientId})`,
      ),
    );
  }
  if (query.taskId) conditions.push(eq(clockEvents.taskId, query.taskId));
  if (query.groupId) {
    conditions.push(
      inArray(
        clockEvents.taskId,
        sql`(select ${tasks.id} from ${tasks} where ${tasks.tenantId} = ${tenantId} and ${tasks.groupId} = ${query.groupId})`,
      ),
    );
  }
  const amongEvents = (ids: readonly string[]) => sql`${clockEvents.id} = any(${uuidArray(ids)})`;
  if (query.onssStatus) {
    conditions.push(
      narrowed.onssStatusEventIds
        ? amongEvents(narrowed.onssStatusEventIds)
        : onssCondition(tenantId, eq(onssRegistrations.status, query.onssStatus)),
    );
  }
  const flagged = sql`${clockEvents.flags} @> '["LATE_SYNC"]'::jsonb`;
  if (query.late !== undefined) conditions.push(query.late ? flagged : sql`not ${flagged}`);
  if (query.outside !== undefined) {
    conditions.push(
      query.outside ? eq(clockEvents.insideGeofence, false) : sql`${clockEvents.insideGeofence} is not false`,
    );
  }
  if (query.offline !== undefined) conditions.push(eq(clockEvents.capturedOffline, query.offline));
  if (query.refused !== undefined) {
    const refused = onssCondition(tenantId, eq(onssRegistrations.status, 'refused'));
    if (!query.refused) conditions.push(sql`not ${refused}`);
    else conditions.push(narrowed.refusedEventIds ? amongEvents(narrowed.refusedEventIds) : refused);
  }
  if (query.anomaly !== undefined) {
    const open = sql`exists (select 1 from ${anomalies} where ${openAnomalyOf(tenantId)}
      and ${anomalies.clockEventId} = ${clockEvents.id})`;
    if (!query.anomaly) conditions.push(sql`not ${open}`);
    else conditions.push(narrowed.anomalyEventIds ? amongEvents(narrowed.anomalyEventIds) : open);
  }
  return conditions;
}

/** The ONSS status a query keeps whose registrations were too many to narrow to their ids. */
function crowdedOnssStatus(query: RegistrationListQuery, narrowed: NarrowedFilters): string | undefined {
  if (query.refused === true && !narrowed.refusedEventIds) return 'refused';
  if (query.onssStatus && !narrowed.onssStatusEventIds) return query.onssStatus;
  return undefined;
}

/** One page of the company's registrations and how many match. */
export async function listRegistrations(
  db: Db,
  tenantId: string,
  query: RegistrationListQuery,
  period: Period,
) {
  const narrowed = await narrowRegistrationFilters(db, tenantId, query);
  const where = and(...registrationConditions(tenantId, query, period, narrowed));
  const direction = query.order === 'asc' ? asc : desc;
  // Too many registrations in one ONSS status to list their ids (tens of thousands refused over
  // years): the page is read from the ONSS rows' (tenant, status, time) index instead, in time
  // order, each joined to its registration. Their time is the registration's device time, so the
  // order is the list's. Driven from the registrations, the page probed 150,000 of them for 50
  // refused ones (0.4 s at a million registrations, 0.8 s at ten million); from the index, 1 ms.
  const crowdedStatus = query.sort === 'receivedAt' ? undefined : crowdedOnssStatus(query, narrowed);
  let column: AnyPgColumn = query.sort === 'receivedAt' ? clockEvents.receivedAt : clockEvents.deviceTime;
  let pageWhere = where;
  if (crowdedStatus) {
    column = onssRegistrations.registrationTime;
    pageWhere = and(where, eq(onssRegistrations.status, crowdedStatus));
  }
  const rows = await db
    .select(registrationListColumns)
    .from(clockEvents)
    .innerJoin(agents, eq(agents.id, clockEvents.agentId))
    .innerJoin(tasks, eq(tasks.id, clockEvents.taskId))
    .innerJoin(sites, eq(sites.id, clockEvents.siteId))
    .innerJoin(clients, eq(clients.id, sites.clientId))
    .leftJoin(onssRegistrations, onssOfEvent)
    .where(pageWhere)
    .orderBy(direction(column), direction(clockEvents.id))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  // Counting stops past the cap: a count of millions would cost more than the page itself.
  const capped = db
    .select({ one: sql`1` })
    .from(clockEvents)
    .where(where)
    .limit(REGISTRATION_COUNT_CAP + 1)
    .as('capped');
  const [total] = await db.select({ n: count() }).from(capped);
  const n = total?.n ?? 0;
  return { rows, total: Math.min(n, REGISTRATION_COUNT_CAP), totalCapped: n > REGISTRATION_COUNT_CAP };
}

/** One registration of the company with its position, the site's geofence and its ONSS row. */
export async function findRegistration(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(detailColumns)
    .from(clockEvents)
    .innerJoin(agents, eq(agents.id, clockEvents.agentId))
    .innerJoin(tasks, eq(tasks.id, clockEvents.taskId))
    .innerJoin(sites, eq(sites.id, clockEvents.siteId))
    .innerJoin(clients, eq(clients.id, sites.clientId))
    .leftJoin(onssRegistrations, onssOfEvent)
    .where(and(eq(clockEvents.tenantId, tenantId), eq(clockEvents.id, id)))
    .limit(1);
  return row;
}

export type RegistrationDetailRow = NonNullable<Awaited<ReturnType<typeof findRegistration>>>;

/** The anomalies opened from one registration, open or not, oldest first. */
export async function registrationAnomalies(db: Db, tenantId: string, clockEventId: string) {
  return db
    .select({
      id: anomalies.id,
      type: anomalies.type,
      status: anomalies.status,
      openedAt: anomalies.openedAt,
    })
    .from(anomalies)
    .where(and(eq(anomalies.tenantId, tenantId), eq(anomalies.clockEventId, clockEventId)))
    .orderBy(asc(anomalies.openedAt));
}

export async function findWorkSessionSummary(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      id: workSessions.id,
      workDate: workSessions.workDate,
      state: workSessions.state,
      startedAt: workSessions.startedAt,
      endedAt: workSessions.endedAt,
      corrected: workSessions.corrected,
    })
    .from(workSessions)
    .where(and(eq(workSessions.tenantId, tenantId), eq(workSessions.id, id)))
    .limit(1);
  return row;
}

/** The company's time zone: the one its local dates (periods, work dates) are written in. */
export async function tenantTimeZone(db: Db, tenantId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return row?.timeZone ?? 'Europe/Brussels';
}
