import type { AnalyticsGrouping, AnalyticsQuery, AnomalyType } from '@ciao/domain';
import { onssUnconfirmedStatuses } from '@ciao/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { plannedTimeCtes, sessionWorkedSeconds } from '../timesheets/timesheet-repository.js';

/** The instants of the period, computed once from the company's time zone (index-friendly bounds). */
export interface InstantPeriod {
  start: Date;
  end: Date;
  timeZone: string;
}

function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

/** `and <column> in (the sites of the filter)`: the client and site filters on a row's site. */
function siteFilters(tenantId: string, query: AnalyticsQuery, siteColumn: SQL): SQL {
  const filters: SQL[] = [];
  if (query.siteId) filters.push(sql`and ${siteColumn} = ${query.siteId}`);
  if (query.clientId)
    filters.push(
      sql`and ${siteColumn} in (select s.id from sites s where s.tenant_id = ${tenantId} and s.client_id = ${query.clientId})`,
    );
  return sql.join(filters, sql` `);
}

/** The key and label of each grouping; `ws` is the work session. */
const groupings: Record<AnalyticsGrouping, { key: SQL; name: SQL; join: SQL }> = {
  client: {
    key: sql`c.id`,
    name: sql`c.name`,
    join: sql`join sites s on s.id = ws.site_id join clients c on c.id = s.client_id`,
  },
  site: { key: sql`s.id`, name: sql`s.name`, join: sql`join sites s on s.id = ws.site_id` },
  agent: {
    key: sql`a.id`,
    name: sql`a.first_name || ' ' || a.last_name`,
    join: sql`join agents a on a.id = ws.agent_id`,
  },
};

export interface HoursRow {
  week: string;
  id: string;
  name: string;
  seconds: number;
}

/**
 * Worked seconds per ISO week (of the local work date) and per client, site or agent. The work date
 * is already the company's local date, so a week is `date_trunc('week', work_date)`.
 */
export async function hoursPerWeek(
  db: Db,
  tenantId: string,
  query: AnalyticsQuery,
  groupBy: AnalyticsGrouping,
): Promise<HoursRow[]> {
  const group = groupings[groupBy];
  const result = await db.execute(sql`
    select to_char(date_trunc('week', ws.work_date), 'YYYY-MM-DD') as week,
      ${group.key} as id, ${group.name} as name,
      sum(${sessionWorkedSeconds})::int as seconds
    from work_sessions ws
    ${group.join}
    where ws.tenant_id = ${tenantId}
      and ws.work_date between ${query.from}::date and ${query.to}::date
      ${siteFilters(tenantId, query, sql`ws.site_id`)}
    group by 1, 2, 3
    order by 1`);
  return rowsOf<HoursRow>(result);
}

/** Planned and worked seconds per ISO week of the period. */
export async function plannedVsActualPerWeek(
  db: Db,
  tenantId: string,
  query: AnalyticsQuery,
): Promise<{ week: string; planned: number; worked: number }[]> {
  const result = await db.execute(sql`
    with ${plannedTimeCtes(tenantId, query, [siteFilters(tenantId, query, sql`t.site_id`)])},
    planned_weeks as (
      select date_trunc('week', day) as week, sum(planned)::bigint as planned from planned group by 1
    ),
    worked_weeks as (
      select date_trunc('week', ws.work_date) as week, sum(${sessionWorkedSeconds})::bigint as worked
      from work_sessions ws
      where ws.tenant_id = ${tenantId}
        and ws.work_date between ${query.from}::date and ${query.to}::date
        ${siteFilters(tenantId, query, sql`ws.site_id`)}
      group by 1
    )
    select to_char(coalesce(p.week, w.week), 'YYYY-MM-DD') as week,
      coalesce(p.planned, 0)::int as planned, coalesce(w.worked, 0)::int as worked
    from planned_weeks p full join worked_weeks w on w.week = p.week
    order by 1`);
  return rowsOf(result);
}

export interface OnssWeekRow {
  week: string;
  total: number;
  on_time: number;
  late: number;
  refused: number;
  unconfirmed: number;
}

/**
 * The ONSS registrations per local ISO week of their registration time, by outcome. Registrations
 * whose on-time delay is not over yet (`decidedBefore`) are left out: they can still be on time.
 */
export async function onssOutcomesPerWeek(
  db: Db,
  tenantId: string,
  query: AnalyticsQuery,
  period: InstantPeriod,
  onTimeMinutes: number,
  decidedBefore: Date,
): Promise<OnssWeekRow[]> {
  const unconfirmed = sql.join(
    onssUnconfirmedStatuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const accepted = sql`r.status in ('registered', 'validated') and r.registered_at is not null`;
  const inTime = sql`r.registered_at <= r.registration_time + make_interval(mins => ${onTimeMinutes})`;
  const result = await db.execute(sql`
    select to_char(date_trunc('week', r.registration_time at time zone ${period.timeZone}), 'YYYY-MM-DD') as week,
      count(*)::int as total,
      (count(*) filter (where ${accepted} and ${inTime}))::int as on_time,
      (count(*) filter (where ${accepted} and not (${inTime})))::int as late,
      (count(*) filter (where r.status = 'refused'))::int as refused,
      (count(*) filter (where r.status in (${unconfirmed})))::int as unconfirmed
    from onss_registrations r
    where r.tenant_id = ${tenantId}
      and r.registration_time >= ${period.start.toISOString()}::timestamptz
      and r.registration_time < ${period.end.toISOString()}::timestamptz
      and r.registration_time <= ${decidedBefore.toISOString()}::timestamptz
      and r.status not in ('not_applicable', 'cancelled')
      ${siteFilters(tenantId, query, sql`r.site_id`)}
    group by 1
    order by 1`);
  return rowsOf<OnssWeekRow>(result);
}

/** The anomalies opened per local ISO week and type. */
export async function anomaliesPerWeek(
  db: Db,
  tenantId: string,
  query: AnalyticsQuery,
  period: InstantPeriod,
): Promise<{ week: string; type: AnomalyType; count: number }[]> {
  const result = await db.execute(sql`
    select to_char(date_trunc('week', an.opened_at at time zone ${period.timeZone}), 'YYYY-MM-DD') as week,
      an.type, count(*)::int as count
    from anomalies an
    where an.tenant_id = ${tenantId}
      and an.opened_at >= ${period.start.toISOString()}::timestamptz
      and an.opened_at < ${period.end.toISOString()}::timestamptz
      ${siteFilters(tenantId, query, sql`an.site_id`)}
    group by 1, 2
    order by 1, 2`);
  return rowsOf(result);
}
