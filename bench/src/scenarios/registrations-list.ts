import pg from 'pg';
import { openDatabase } from '../../../apps/server/src/db/client.js';
import { migrateDatabase } from '../../../apps/server/src/db/migrate.js';
import {
  findPostgresBinDir,
  startThrowawayCluster,
} from '../../../apps/server/test/support/postgres-cluster.js';
import { generateWorld, type GeneratedTenant } from '../data-generator.js';
import { buildInProcessApp, sessionCookie, timeListRequests } from '../in-process-app.js';
import type { ScenarioResult } from '../report.js';
import { percentile } from './ingestion.js';

const AGENTS = 3_000;

/** What people ask the registrations screen most: its first page, each filter, a deep page. */
function requests(tenant: GeneratedTenant) {
  const lastMonth = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);
  return [
    { label: 'first page', url: '/api/registrations' },
    { label: 'one agent', url: `/api/registrations?agentId=${tenant.agentIds[7]}` },
    { label: 'one site', url: `/api/registrations?siteId=${tenant.siteIds[3]}` },
    { label: 'one client', url: `/api/registrations?clientId=${tenant.clientIds[1]}` },
    { label: 'a month', url: `/api/registrations?from=${lastMonth}-01&to=${lastMonth}-28` },
    { label: 'search a name', url: '/api/registrations?q=peeters' },
    { label: 'refused by ONSS', url: '/api/registrations?refused=true' },
    { label: 'late syncs', url: '/api/registrations?late=true' },
    { label: 'sorted by reception, page 50', url: '/api/registrations?sort=receivedAt&page=50' },
  ];
}

/**
 * The back-office registrations list of a company with 3,000 agents and `registrations` past
 * registrations (the data generator's shifts, with their sessions and ONSS rows), on a throwaway
 * PostgreSQL, in process: the page query and its capped count, as the screen loads them.
 */
export async function registrationsListScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  const registrations = Number(
    process.argv.find((arg) => arg.startsWith('--registrations='))?.slice('--registrations='.length) ??
      (quick ? 200_000 : 10_000_000),
  );
  const runs = quick ? 20 : 100;
  const binDir = findPostgresBinDir();
  if (!binDir) {
    console.log('bench: registrations-list: no PostgreSQL binaries, skipped');
    return [];
  }
  const cluster = await startThrowawayCluster(binDir);
  const results: ScenarioResult[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    admin.on('error', () => {});
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url: cluster.url('bench'), poolSize: 4 });
    try {
      await migrateDatabase(database);
      const client = new pg.Client({ connectionString: cluster.url('bench') });
      client.on('error', () => {});
      await client.connect();
      const started = performance.now();
      const world = await generateWorld(client, {
        seed: 2026,
        tenants: 1,
        agents: AGENTS,
        sitesPerTenant: 300,
        registrations,
      }).finally(() => client.end());
      const loadSeconds = Math.round((performance.now() - started) / 1000);
      console.log(
        `bench: registrations-list: ${world.registrations.toLocaleString('en')} registrations over ${world.days} days generated in ${loadSeconds} s`,
      );
      const tenant = world.tenants[0]!;
      const app = await buildInProcessApp(database);
      try {
        const cookie = await sessionCookie(app, tenant.id, tenant.adminUserId);
        const size = `${world.registrations.toLocaleString('en')} registrations`;
        for (const { label, url } of requests(tenant)) {
          // A few unmeasured calls first: the first ones pay for plans and cold pages.
          const { times, total } = await timeListRequests(app, cookie, url, runs, 3);
          for (const p of [50, 95])
            results.push({
              scenario: 'registrations-list',
              metric: `GET /api/registrations ${label} (${size}, ${AGENTS.toLocaleString('en')} agents, ${total.toLocaleString('en')} matching), p${p}`,
              value: percentile(times, p),
              unit: 'ms',
              runs,
              ...(p === 95 ? { target: '< 200 ms' } : {}),
            });
        }
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } finally {
    await cluster.stop();
  }
  return results;
}
