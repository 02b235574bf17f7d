import { randomUUID } from 'node:crypto';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.js';
import * as schema from '../src/db/schema/index.js';
import { anomalyDedupeKey, onssUnconfirmedStatuses } from '@ciao/domain';
import { findOnssRegistrations } from '../src/features/anomalies/anomaly-scan-repository.js';
import { lockAgents, readAgentProgress, readAgentsProgress } from '../src/features/clock/clock-repository.js';
import { createClockWorld } from './support/clock-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Statement {
  text: string;
  params: unknown[];
}

// Every registration locks its agent and reads its unfinished sessions, latest registration and
// whether its id is a replay. A plan that reads a whole table there costs more with every registration ever kept
// (the soak's latency drift): these reads must come from indexes whatever the history.
describe('what registrations and the anomaly scan read of the history', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  /** The statements `work` sends, by a database handle on the same connection(s) that records them. */
  const recorded = async (work: (db: Db) => Promise<unknown>): Promise<Statement[]> => {
    const statements: Statement[] = [];
    const logger = { logQuery: (text: string, params: unknown[]) => statements.push({ text, params }) };
    const { database } = subject;
    const db = (database.pool
      ? drizzlePg(database.pool, { schema, casing: 'snake_case', logger })
      : drizzlePglite(database.pglite!, { schema, casing: 'snake_case', logger })) as unknown as Db;
    await work(db);
    return statements;
  };

  const plan = async ({ text, params }: Statement): Promise<string> => {
    const { database } = subject;
    const rows = database.pool
      ? (await database.pool.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params)).rows
      : (await database.pglite!.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params)).rows;
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  /** The plan a named statement runs with once PostgreSQL settles on its generic plan. */
  const genericPlan = async ({ text, params }: Statement): Promise<string> => {
    const steps = async (query: (sql: string, values?: unknown[]) => Promise<{ rows: unknown[] }>) => {
      await query('set plan_cache_mode = force_generic_plan');
      await query(`prepare generic_plan_probe as ${text}`);
      try {
        // EXPLAIN EXECUTE takes its arguments as literals, not as bound parameters.
        const literals = params.map((value) => `'${String(value).replaceAll("'", "''")}'`).join(', ');
        const { rows } = await query(`explain execute generic_plan_probe(${literals})`);
        return (rows as { 'QUERY PLAN': string }[]).map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await query('deallocate generic_plan_probe');
        await query('reset plan_cache_mode');
      }
    };
    const { database } = subject;
    if (!database.pool) return steps((sql, values) => database.pglite!.query(sql, values));
    const client = await database.pool.connect();
    try {
      return await steps((sql, values) => client.query(sql, values));
    } finally {
      client.release();
    }
  };

  it('locks the agent and finds sessions, latest registration and replays by index after years of history', async () => {
    const world = await createClockWorld(subject.app);
    const db = subject.app.ctx.db;
    const tenantId = world.tenant.id;
    const agentId = world.agent.id;
    // Four years of a working day's four registrations and its closed session, for this agent.
    await db.execute(sql`
      insert into work_sessions (tenant_id, agent_id, task_id, site_id, work_date, state, started_at, ended_at, last_event_at, worked_seconds)
      select ${tenantId}, ${agentId}, ${world.task.id}, ${world.task.siteId}, (now() - day * interval '1 day')::date, 'CLOSED',
             now() - day * interval '1 day', now() - day * interval '1 day' + interval '3 hours',
             now() - day * interval '1 day' + interval '3 hours', 10800
      from generate_series(1, 1500) as day`);
    await db.execute(sql`
      insert into clock_events (tenant_id, id, agent_id, task_id, site_id, action, direction, device_time, received_at, accuracy_meters, content_hash)
      select ${tenantId}, gen_random_uuid(), ${agentId}, ${world.task.id}, ${world.task.siteId}, 'ARRIVE', 'IN',
             now() - step * interval '6 hours', now() - step * interval '6 hours', 8, 'history'
      from generate_series(1, 6000) as step`);
    // And a company of 3,000 agents (identifiers the world's agent, `A` and four hex digits, never takes).
    await db.execute(sql`
      insert into agents (tenant_id, identifier, first_name, last_name)
      select ${tenantId}, 'BULK' || n, 'First' || n, 'Last' || n from generate_series(1, 3000) as n`);
    await db.execute(sql`analyze agents`);
    await db.execute(sql`analyze work_sessions`);
    await db.execute(sql`analyze clock_events`);

    const claim = { tenantId, agentId, taskId: world.task.id, eventId: randomUUID() };
    const statements = [
      ...(await recorded((recorder) => recorder.transaction((tx) => lockAgents(tx, [claim])))),
      ...(await recorded((recorder) => readAgentsProgress(recorder, [claim]))),
      ...(await recorded((recorder) => readAgentProgress(recorder, tenantId, agentId, claim.eventId))),
    ];
    const queries = statements.filter((statement) => !/^(begin|commit)/i.test(statement.text));
    expect(queries).toHaveLength(3);
    for (const statement of queries) {
      const text = await plan(statement);
      expect(text, text).not.toMatch(/Seq Scan on (clock_events|work_sessions|agents)/);
      expect(text, text).not.toMatch(/hashed SubPlan/);
    }
    // The group's lock is a named statement: its generic plan must read by key as well.
    const lockPlan = await genericPlan(queries[0]!);
    expect(lockPlan, lockPlan).toMatch(/LockRows/);
    expect(lockPlan, lockPlan).not.toMatch(/Seq Scan on (agents|task_agents|tasks|sites)/);

    // And they still answer right: no unfinished session, the latest registration, not a replay.
    const progress = await readAgentsProgress(db, [claim]);
    expect(progress.sessions).toEqual([]);
    expect(progress.latest).toEqual([
      { agentId, latestEventTime: expect.any(Date), eventAlreadyStored: false },
    ]);
  });

  // The anomaly scan runs every minute over the ONSS registrations still unconfirmed; each one's
  // task and session come from its registration. A hash join there reads every registration ever
  // kept, each minute (half a second at three million, on both cores).
  it('finds the registrations of unconfirmed ONSS rows by index, not by reading them all', async () => {
    const world = await createClockWorld(subject.app);
    const db = subject.app.ctx.db;
    const tenantId = world.tenant.id;
    await db.execute(sql`
      insert into clock_events (tenant_id, id, agent_id, task_id, site_id, action, direction, device_time, received_at, accuracy_meters, content_hash)
      select ${tenantId}, gen_random_uuid(), ${world.agent.id}, ${world.task.id}, ${world.task.siteId}, 'ARRIVE', 'IN',
             now() - step * interval '10 minutes', now() - step * interval '10 minutes', 8, 'history'
      from generate_series(1, 20000) as step`);
    // The last 2,000 are still unconfirmed (ONSS unreachable for two weeks).
    await db.execute(sql`
      insert into onss_registrations (tenant_id, clock_event_id, agent_id, site_id, direction, registration_time, payload, status)
      select tenant_id, id, agent_id, site_id, direction, device_time, '{}'::jsonb, 'send_failing'
      from clock_events where tenant_id = ${tenantId} order by device_time desc limit 2000`);
    await db.execute(sql`analyze clock_events`);
    await db.execute(sql`analyze onss_registrations`);

    const now = new Date();
    const filter = {
      statuses: [...onssUnconfirmedStatuses, 'refused'],
      registeredFrom: new Date(now.getTime() - 35 * 86_400_000),
      registeredBefore: new Date(now.getTime() + 86_400_000),
    };
    const [statement] = await recorded((recorder) => findOnssRegistrations(recorder, tenantId, filter));
    const text = await plan(statement!);
    expect(text, text).not.toMatch(/Seq Scan on (clock_events|anomalies)/);
    expect(text, text).not.toMatch(/hashed SubPlan/);

    const rows = await findOnssRegistrations(db, tenantId, filter);
    expect(rows).toHaveLength(2000);
    expect(rows.every((row) => row.taskId === world.task.id && row.clockEventId)).toBe(true);

    // One whose lateness already has its anomaly (resolved by a manager: never reopened) is left
    // out; once ONSS refuses it, it comes back for the refusal's anomaly.
    const known = rows[0]!;
    await db.execute(sql`
      insert into anomalies (tenant_id, type, status, dedupe_key, clock_event_id, onss_registration_id)
      values (${tenantId}, 'ONSS_NOT_CONFIRMED', 'resolved', ${anomalyDedupeKey('ONSS_NOT_CONFIRMED', known.id)}, ${known.clockEventId}, ${known.id})`);
    const left = await findOnssRegistrations(db, tenantId, filter);
    expect(left).toHaveLength(1999);
    expect(left.some((row) => row.id === known.id)).toBe(false);
    await db.execute(sql`update onss_registrations set status = 'refused' where id = ${known.id}`);
    const refused = await findOnssRegistrations(db, tenantId, filter);
    expect(refused.find((row) => row.id === known.id)?.status).toBe('refused');
  });
});
