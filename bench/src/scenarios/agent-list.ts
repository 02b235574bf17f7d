import pg from 'pg';
import { openDatabase, type Database } from '../../../apps/server/src/db/client.js';
import { migrateDatabase } from '../../../apps/server/src/db/migrate.js';
import { tenants, webUsers } from '../../../apps/server/src/db/schema/index.js';
import {
  findPostgresBinDir,
  startThrowawayCluster,
} from '../../../apps/server/test/support/postgres-cluster.js';
import { buildInProcessApp, sessionCookie, timeListRequests } from '../in-process-app.js';
import type { ScenarioResult } from '../report.js';

const AGENTS = 10_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** What the agents screen asks: its first page, a search as one types a name, a column sorted. */
const requests = [
  { label: 'first page', url: '/api/agents' },
  { label: 'search "peet"', url: '/api/agents?q=peet' },
  { label: 'sort by first name, descending', url: '/api/agents?sort=firstName&order=desc' },
] as const;

/**
 * 10,000 agents in one company, loaded in SQL: ten first names × ten family names (each with a
 * suffix, so that names differ), every fourth one a subcontractor's, every twentieth of type ADM.
 */
async function seed(database: Database) {
  const [tenant] = await database.db
    .insert(tenants)
    .values({ code: 'BENCH', name: 'Bench', enterpriseNumber: '0777123418' })
    .returning();
  const [user] = await database.db
    .insert(webUsers)
    .values({ tenantId: tenant!.id, login: 'admin', displayName: 'Admin', role: 'ADMIN' })
    .returning();
  const sql = `
    with sub as (
      insert into subcontractors (tenant_id, name, enterprise_number)
      values ('${tenant!.id}', 'Sparkle', '0777234571') returning id
    )
    insert into agents (tenant_id, identifier, first_name, last_name, niss, agent_type, subcontractor_id,
                        payroll_number, mobile_access, mobile_identifier)
    select '${tenant!.id}', 'A' || lpad(i::text, 5, '0'),
           (array['Jean','Marie','Luc','Anne','Fatima','Mohamed','Sofie','Pieter','Ana','Jan'])[1 + i % 10],
           (array['Dupont','Peeters','Janssens','Maes','El Amrani','Lopez','Claes','Wouters','Dubois','Lambert'])[1 + (i / 10) % 10]
             || ' ' || substr(md5(i::text), 1, 4),
           '85073003328',
           case when i % 20 = 0 then 'ADM' else 'FIELD' end,
           case when i % 4 = 0 then (select id from sub) else null end,
           'P-' || i, i % 3 <> 0, 'A' || lpad(i::text, 5, '0')
    from generate_series(1, ${AGENTS}) as i`;
  if (database.pglite) await database.pglite.exec(sql);
  else await database.pool!.query(sql);
  await (database.pglite ? database.pglite.exec('analyze') : database.pool!.query('analyze'));
  return { tenantId: tenant!.id, userId: user!.id };
}

async function measure(database: Database, backend: string, runs: number): Promise<ScenarioResult[]> {
  const { tenantId, userId } = await seed(database);
  const app = await buildInProcessApp(database);
  const results: ScenarioResult[] = [];
  try {
    const cookie = await sessionCookie(app, tenantId, userId);
    for (const { label, url } of requests) {
      // A few unmeasured calls first: the first ones pay for plans and JIT.
      const { times, total } = await timeListRequests(app, cookie, url, runs, 5);
      for (const p of [50, 95])
        results.push({
          scenario: 'agent-list',
          metric: `GET /api/agents ${label} (${AGENTS.toLocaleString('en')} agents, ${total} matching, ${backend}), p${p}`,
          value: percentile(times, p),
          unit: 'ms',
          runs,
          ...(p === 95 ? { target: '< 200 ms' } : {}),
        });
    }
  } finally {
    await app.close();
  }
  return results;
}

/**
 * The back-office agents list with 10,000 agents in one company, in process (no network), on the
 * embedded PGlite and on a throwaway PostgreSQL: the page query and its count, as the screen loads.
 */
export async function agentListScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const runs = quick ? 20 : 100;
  const results: ScenarioResult[] = [];

  const embedded = await openDatabase({ kind: 'pglite-memory' });
  try {
    await migrateDatabase(embedded);
    results.push(...(await measure(embedded, 'PGlite', runs)));
  } finally {
    await embedded.close();
  }

  const binDir = findPostgresBinDir();
  if (!binDir) {
    console.log('bench: agent-list: no PostgreSQL binaries, PGlite only');
    return results;
  }
  const cluster = await startThrowawayCluster(binDir);
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    admin.on('error', () => {});
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url: cluster.url('bench'), poolSize: 4 });
    try {
      await migrateDatabase(database);
      results.push(...(await measure(database, 'PostgreSQL', runs)));
    } finally {
      await database.close();
    }
  } finally {
    await cluster.stop();
  }
  return results;
}
