/** What the generator needs of a connection: pg's Client and PGlite both have it. */
export interface Queryable {
  query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface GeneratorOptions {
  /** Same seed, same data: every name, place, shift and minute derives from it. */
  seed: number;
  tenants: number;
  /** Agents in all, shared out among the companies. */
  agents: number;
  sitesPerTenant: number;
  /** Past registrations to generate, about (whole shifts of four registrations each). */
  registrations: number;
  /** The last day of history (`YYYY-MM-DD`); yesterday by default. Fix it to reproduce a data set. */
  lastDay?: string;
}

export interface GeneratedTenant {
  id: string;
  code: string;
  adminUserId: string;
  agentIds: string[];
  siteIds: string[];
  clientIds: string[];
  taskIds: string[];
}

export interface GeneratedWorld {
  tenants: GeneratedTenant[];
  /** Registrations actually written (whole shifts), and the days they span. */
  registrations: number;
  days: number;
}

// Share of agent-days worked: cleaning runs on weekdays and, less, at weekends.
const WEEKDAY_WORK_SHARE = 0.9;
const WEEKEND_WORK_SHARE = 0.2;
const AVERAGE_WORK_SHARE = (5 * WEEKDAY_WORK_SHARE + 2 * WEEKEND_WORK_SHARE) / 7;

/**
 * Deterministic draws in SQL: a number in [0, 1) from the seed and a key, so that the same seed
 * always gives the same data whatever the machine, with no random() and no round trip per row.
 */
const DRAW_FUNCTIONS = [
  `create or replace function pg_temp.draw(seed int, key text) returns double precision
  language sql immutable as $$
    select ('x' || substr(md5(seed::text || ':' || key), 1, 8))::bit(32)::bigint / 4294967296.0
  $$`,
  // A version-4-shaped id from the seed and a key (the API's contracts accept RFC 4122 ids only).
  `create or replace function pg_temp.id_of(seed int, key text) returns uuid
  language sql immutable as $$
    select overlay(overlay(md5(seed::text || ':' || key) placing '4' from 13) placing '8' from 17)::uuid
  $$`,
];

/**
 * A reproducible data set in the shape of real cleaning companies: clients and their sites across
 * Belgium, one task per site with a weekly schedule (offices cleaned early morning or in the
 * evening), agents linked to a task, and years of past shifts — arrival, pause, resume, departure —
 * clustered around the morning and evening peaks, with their work sessions and ONSS registrations
 * (a few refused, a few synced late from offline phones). Everything is generated in SQL.
 */
export async function generateWorld(client: Queryable, options: GeneratorOptions): Promise<GeneratedWorld> {
  const { seed } = options;
  for (const statement of DRAW_FUNCTIONS) await client.query(statement);
  const agentsPerTenant = Math.ceil(options.agents / options.tenants);
  const shiftsWanted = Math.ceil(options.registrations / 4);
  const days = Math.max(1, Math.ceil(shiftsWanted / (options.agents * AVERAGE_WORK_SHARE)));
  const tenants: GeneratedTenant[] = [];
  for (let index = 0; index < options.tenants; index += 1) {
    tenants.push(await generateTenant(client, seed, index, agentsPerTenant, options.sitesPerTenant));
  }
  let registrations = 0;
  const lastDay = options.lastDay ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  for (const tenant of tenants) registrations += await generateHistory(client, seed, tenant, lastDay, days);
  await client.query('analyze');
  return { tenants, registrations, days };
}

async function generateTenant(
  client: Queryable,
  seed: number,
  index: number,
  agents: number,
  sites: number,
): Promise<GeneratedTenant> {
  const code = `GEN${String(index + 1).padStart(2, '0')}`;
  const one = async <Row>(text: string, values: unknown[]) => (await client.query<Row>(text, values)).rows;
  const [tenant] = await one<{ id: string }>(
    `insert into tenants (id, code, name, enterprise_number)
     values (pg_temp.id_of($3, $1), $1, $2, '0777123418') returning id`,
    [code, `Nettoyage ${code}`, seed],
  );
  const tenantId = tenant!.id;
  await client.query(`insert into onss_connections (tenant_id, client_id) values ($1, $2)`, [tenantId, code]);
  const [admin] = await one<{ id: string }>(
    `insert into web_users (id, tenant_id, login, display_name, role)
     values (pg_temp.id_of($2, $1::text || ':admin'), $1::uuid, 'admin', 'Admin', 'ADMIN') returning id`,
    [tenantId, seed],
  );
  // One client for about ten sites: offices, schools, shops.
  const clientCount = Math.max(1, Math.ceil(sites / 10));
  const clientRows = await one<{ id: string }>(
    `insert into clients (id, tenant_id, name, reference)
     select pg_temp.id_of($3, $1::text || ':client:' || i), $1::uuid,
            (array['Bureaux','École','Magasin','Clinique','Banque'])[1 + (i % 5)] || ' ' || i, 'C-' || i
     from generate_series(1, $2::int) as i order by i returning id`,
    [tenantId, clientCount, seed],
  );
  const siteRows = await one<{ id: string }>(
    `insert into sites (id, tenant_id, client_id, name, latitude, longitude, geofence_radius_meters, work_declaration_number)
     select pg_temp.id_of($4, $1::text || ':site:' || i), $1::uuid, ($2::uuid[])[1 + (i % $3::int)], 'Site ' || i,
            50.45 + 0.8 * pg_temp.draw($4, $5::text || ':lat:' || i), 3.3 + 2.4 * pg_temp.draw($4, $5::text || ':lon:' || i),
            100, '1Y102M7NZF7PZ'
     from generate_series(1, $6::int) as i order by i returning id`,
    [tenantId, clientRows.map((row) => row.id), clientCount, seed, code, sites],
  );
  // Morning sites (06:00–09:00) and evening sites (18:00–21:00), Monday to Friday.
  const taskRows = await one<{ id: string }>(
    `insert into tasks (id, tenant_id, site_id, name, schedule)
     select pg_temp.id_of($2, 'task:' || site.id), $1, site.id, 'Nettoyage ' || site.name,
            (select jsonb_agg(jsonb_build_object('weekday', d, 'start', slot.start, 'end', slot.finish))
               from generate_series(1, 5) as d,
                    (select case when pg_temp.draw($2, $3::text || ':slot:' || site.id) < 0.55
                                 then '06:00' else '18:00' end as start,
                            case when pg_temp.draw($2, $3::text || ':slot:' || site.id) < 0.55
                                 then '09:00' else '21:00' end as finish) as slot)
     from sites site where site.tenant_id = $1 order by site.name returning id`,
    [tenantId, seed, code],
  );
  const agentRows = await one<{ id: string }>(
    `insert into agents (id, tenant_id, identifier, first_name, last_name, niss, mobile_access, mobile_identifier, payroll_number)
     select pg_temp.id_of($2, $3::text || ':agent:' || i), $1, 'A' || lpad(i::text, 5, '0'),
            (array['Jean','Marie','Luc','Anne','Fatima','Mohamed','Sofie','Pieter','Ana','Jan','Ewa','Ahmed'])
              [1 + floor(12 * pg_temp.draw($2, $3::text || ':first:' || i))::int],
            (array['Dupont','Peeters','Janssens','Maes','El Amrani','Lopez','Claes','Wouters','Dubois','Lambert','Nowak','Diallo'])
              [1 + floor(12 * pg_temp.draw($2, $3::text || ':last:' || i))::int],
            '85073003328', true, 'A' || lpad(i::text, 5, '0'), 'P-' || i
     from generate_series(1, $4::int) as i order by i returning id`,
    [tenantId, seed, code, agents],
  );
  // Each agent works on one task (a site), several agents per site.
  await client.query(
    `insert into task_agents (tenant_id, task_id, agent_id)
     select $1, ($2::uuid[])[1 + (n::int % cardinality($2::uuid[]))], agent.id
     from unnest($3::uuid[]) with ordinality as agent(id, n)`,
    [tenantId, taskRows.map((row) => row.id), agentRows.map((row) => row.id)],
  );
  return {
    id: tenantId,
    code,
    adminUserId: admin!.id,
    agentIds: agentRows.map((row) => row.id),
    siteIds: siteRows.map((row) => row.id),
    clientIds: clientRows.map((row) => row.id),
    taskIds: taskRows.map((row) => row.id),
  };
}

/**
 * The company's past shifts, the most recent `days` days, one agent-day at a time in SQL: whether
 * the agent worked that day, the start near its task's slot (06:00 or 18:00 Brussels, ± 40 min),
 * 3 h of work with a break of 10–25 min in the middle, 2 % of shifts synced hours late from an
 * offline phone, 0.5 % refused by ONSS. Written per block of days to keep transactions bounded.
 */
async function generateHistory(
  client: Queryable,
  seed: number,
  tenant: GeneratedTenant,
  lastDay: string,
  days: number,
): Promise<number> {
  const blockDays = 30;
  let written = 0;
  for (let first = 0; first < days; first += blockDays) {
    const last = Math.min(days, first + blockDays) - 1;
    const result = await client.query<{ events: number }>(
      `with shifts as (
         select ta.agent_id, ta.task_id, t.site_id, day,
                pg_temp.id_of($2, 'session:' || ta.agent_id || ':' || day) as session_id,
                (($5::date - day) + (case when (t.schedule->0->>'start') = '06:00' then time '06:00' else time '18:00' end))
                  at time zone 'Europe/Brussels'
                  + (pg_temp.draw($2::int, ta.agent_id || ':start:' || day) * 80 - 40) * interval '1 minute' as started,
                (10 + 15 * pg_temp.draw($2::int, ta.agent_id || ':break:' || day)) * interval '1 minute' as break_length,
                pg_temp.draw($2::int, ta.agent_id || ':late:' || day) < 0.02 as late,
                pg_temp.draw($2::int, ta.agent_id || ':refused:' || day) < 0.005 as refused
         from task_agents ta
         join tasks t on t.id = ta.task_id
         cross join generate_series($3::int, $4::int) as day
         where ta.tenant_id = $1
           and pg_temp.draw($2::int, ta.agent_id || ':works:' || day) <
               case when extract(isodow from $5::date - day) in (6, 7) then ${WEEKEND_WORK_SHARE} else ${WEEKDAY_WORK_SHARE} end
       ),
       sessions as (
         insert into work_sessions (id, tenant_id, agent_id, task_id, site_id, work_date, state, started_at, ended_at,
                                    last_event_at, worked_seconds, break_seconds, break_count, created_at, updated_at)
         select session_id, $1, agent_id, task_id, site_id, (started at time zone 'Europe/Brussels')::date, 'CLOSED',
                started, started + interval '3 hours' + break_length, started + interval '3 hours' + break_length,
                10800, extract(epoch from break_length)::int, 1, started, started + interval '3 hours' + break_length
         from shifts
         returning id
       ),
       events as (
         select s.*, e.n, e.action, e.direction,
                s.started + case e.n when 1 then interval '0'
                                     when 2 then interval '90 minutes'
                                     when 3 then interval '90 minutes' + s.break_length
                                     else interval '3 hours' + s.break_length end as at,
                pg_temp.id_of($2, 'event:' || s.session_id || ':' || e.n) as event_id
         from shifts s
         cross join (values (1, 'ARRIVE', 'IN'), (2, 'PAUSE', 'OUT'), (3, 'RESUME', 'IN'), (4, 'LEAVE', 'OUT'))
           as e(n, action, direction)
       ),
       clock as (
         insert into clock_events (tenant_id, id, agent_id, task_id, site_id, work_session_id, action, direction,
                                   device_time, received_at, latitude, longitude, accuracy_meters, distance_meters,
                                   inside_geofence, flags, captured_offline, app_version, content_hash)
         select $1, ev.event_id, ev.agent_id, ev.task_id, ev.site_id, ev.session_id, ev.action, ev.direction, ev.at,
                ev.at + case when ev.late then interval '5 hours' else interval '2 seconds' end,
                site.latitude, site.longitude, 12, 8, true,
                case when ev.late then '["LATE_SYNC"]'::jsonb else '[]'::jsonb end, ev.late, '1.4.0', 'generated'
         from events ev join sites site on site.id = ev.site_id
         returning id
       ),
       onss as (
         insert into onss_registrations (id, tenant_id, clock_event_id, agent_id, site_id, direction, registration_time,
                                         payload, status, attempts, sent_at, registered_at, validated_at, onss_id,
                                         created_at, updated_at)
         select pg_temp.id_of($2, 'onss:' || ev.event_id), $1, ev.event_id, ev.agent_id, ev.site_id, ev.direction,
                ev.at, '{"generated":true}'::jsonb,
                case when ev.refused then 'refused' else 'validated' end, 1, ev.at + interval '3 seconds',
                case when ev.refused then null else ev.at + interval '3 seconds' end,
                case when ev.refused then null else ev.at + interval '1 hour' end,
                case when ev.refused then null else 'ONSS-' || substr(ev.event_id::text, 1, 13) end,
                ev.at, ev.at + interval '1 hour'
         from events ev
         returning id
       )
       select (select count(*) from clock)::int as events, (select count(*) from sessions)::int as sessions,
              (select count(*) from onss)::int as onss`,
      [tenant.id, seed, first, last, lastDay],
    );
    written += Number(result.rows[0]!.events);
  }
  return written;
}
