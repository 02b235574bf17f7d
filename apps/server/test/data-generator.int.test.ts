import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld, type GeneratedWorld, type Queryable } from '../../../bench/src/data-generator.js';
import type { Database } from '../src/db/client.js';
import { webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

const GENERATED_TABLES = [
  'tenants',
  'clients',
  'sites',
  'tasks',
  'agents',
  'task_agents',
  'work_sessions',
  'clock_events',
  'onss_registrations',
];
const options = {
  seed: 11,
  tenants: 2,
  agents: 40,
  sitesPerTenant: 6,
  registrations: 4_000,
  lastDay: '2026-11-27',
};

/** The generator's temporary SQL functions live in one session: a connection of its own. */
async function withConnection<T>(
  database: Database,
  work: (connection: Queryable) => Promise<T>,
): Promise<T> {
  if (database.pglite) return work(database.pglite as unknown as Queryable);
  const client = await database.pool!.connect();
  try {
    return await work(client as unknown as Queryable);
  } finally {
    client.release();
  }
}

/** One checksum per generated table, over every column but the moments rows were written. */
async function checksums(database: Database): Promise<Record<string, string>> {
  return withConnection(database, async (connection) => {
    const sums: Record<string, string> = {};
    for (const table of GENERATED_TABLES) {
      const { rows: columns } = await connection.query<{ name: string }>(
        `select column_name as name from information_schema.columns
         where table_schema = 'public' and table_name = $1 and column_name not in ('created_at', 'updated_at')
         order by ordinal_position`,
        [table],
      );
      const list = columns.map(({ name }) => `"${name}"`).join(', ');
      const { rows } = await connection.query<{ sum: string }>(
        `select md5(coalesce(string_agg(line, '|' order by line), '')) as sum
         from (select row(${list})::text as line from ${table}) as lines`,
      );
      sums[table] = rows[0]!.sum;
    }
    return sums;
  });
}

describe('the benchmark data generator', () => {
  let first: TestApp;
  let second: TestApp;
  let world: GeneratedWorld;
  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp();
    world = await withConnection(first.database, (connection) => generateWorld(connection, options));
    await withConnection(second.database, (connection) => generateWorld(connection, options));
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('makes the same rows from the same seed, ids included', async () => {
    expect(world.registrations).toBeGreaterThan(3_000);
    expect(world.registrations % 4).toBe(0);
    expect(await checksums(second.database)).toEqual(await checksums(first.database));
  });

  it('makes whole shifts: arrive, pause, resume, leave in that order, one closed session each', async () => {
    const broken = await withConnection(first.database, (connection) =>
      connection.query<{ id: string }>(
        `select ws.id from work_sessions ws
         join clock_events ce on ce.work_session_id = ws.id
         group by ws.id, ws.state, ws.started_at, ws.ended_at
         having count(*) <> 4 or ws.state <> 'CLOSED'
            or string_agg(ce.action, ',' order by ce.device_time) <> 'ARRIVE,PAUSE,RESUME,LEAVE'
            or min(ce.device_time) <> ws.started_at or max(ce.device_time) <> ws.ended_at`,
      ),
    );
    expect(broken.rows).toEqual([]);
  });

  it('clusters arrivals around the morning and evening peaks, fewer at weekends', async () => {
    const { rows } = await withConnection(first.database, (connection) =>
      connection.query<{ peak: number; weekday_per_day: number; weekend_per_day: number; late: number }>(
        `select avg(case when extract(hour from device_time at time zone 'Europe/Brussels') in (5, 6, 17, 18)
                         then 1 else 0 end)::float as peak,
                (count(*) filter (where extract(isodow from device_time at time zone 'Europe/Brussels') < 6))::float
                  / greatest(1, count(distinct (device_time at time zone 'Europe/Brussels')::date)
                                  filter (where extract(isodow from device_time at time zone 'Europe/Brussels') < 6)) as weekday_per_day,
                (count(*) filter (where extract(isodow from device_time at time zone 'Europe/Brussels') >= 6))::float
                  / greatest(1, count(distinct (device_time at time zone 'Europe/Brussels')::date)
                                  filter (where extract(isodow from device_time at time zone 'Europe/Brussels') >= 6)) as weekend_per_day,
                avg(case when captured_offline then 1 else 0 end)::float as late
         from clock_events where action = 'ARRIVE'`,
      ),
    );
    const shape = rows[0]!;
    expect(shape.peak).toBe(1);
    expect(shape.weekend_per_day).toBeLessThan(shape.weekday_per_day / 2);
    expect(shape.late).toBeLessThan(0.1);
  });

  it('is served by the registrations list like any company (contracts hold for generated rows)', async () => {
    const tenant = world.tenants[0]!;
    const { session } = await webSessionFor(first.app, tenant.id, 'ADMIN');
    const response = await asUser(first.app, session, {
      method: 'GET',
      url: `/api/registrations?agentId=${tenant.agentIds[3]}&from=2026-11-01&to=2026-11-27`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { total: number; items: { agent: { id: string }; action: string }[] };
    expect(page.items.every((item) => item.agent.id === tenant.agentIds[3])).toBe(true);
    expect(page.total % 4).toBe(0);
  });
});
