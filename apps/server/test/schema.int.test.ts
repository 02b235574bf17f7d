import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, auditLog, clients, sites, taskAgents, tasks, workSessions } from '../src/db/schema/index.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createTenant } from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** Drizzle wraps the driver's error: the database's own message is in its cause. */
async function expectRefused(promise: Promise<unknown>, pattern: RegExp) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as Error & { cause?: Error },
  );
  expect(error, 'the database refused').toBeDefined();
  expect(`${error?.message} ${error?.cause?.message ?? ''}`).toMatch(pattern);
}

async function rows<T>(database: TestDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

describe('data model', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('applies the migrations again without error (every start does)', async () => {
    await expect(migrateDatabase(database)).resolves.toBeUndefined();
  });

  it('gives every tenant-owned table a tenant_id leading an index', async () => {
    const platformTables = [
      'tenants',
      'operators',
      'operator_sessions',
      'auth_throttles',
      'audit_log',
      'jobs',
      'email_outbox',
    ];
    const tables = await rows<{ table_name: string }>(
      database,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const tenantOwned = tables.map((t) => t.table_name).filter((name) => !platformTables.includes(name));
    expect(tenantOwned.length).toBeGreaterThan(20);
    const indexes = await rows<{ tablename: string; indexdef: string }>(
      database,
      sql`select tablename, indexdef from pg_indexes where schemaname = 'public'`,
    );
    const missing: string[] = [];
    for (const table of tenantOwned) {
      const columns = await rows<{ column_name: string; is_nullable: string }>(
        database,
        sql`select column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name = ${table} and column_name = 'tenant_id'`,
      );
      if (columns.length !== 1) missing.push(`${table}: no tenant_id`);
      const leading = indexes.filter(
        (index) => index.tablename === table && /\((tenant_id)[,)]/.test(index.indexdef),
      );
      const coveredByPrimaryKey = table === 'onss_connections';
      if (leading.length === 0 && !coveredByPrimaryKey) missing.push(`${table}: no index led by tenant_id`);
    }
    expect(missing).toEqual([]);
  });

  it('keeps company codes unique whatever their case', async () => {
    await createTenant(database.db, { code: 'ACME' });
    await expectRefused(createTenant(database.db, { code: 'acme' }), /tenants_code_key/);
  });

  it('keeps agent identifiers unique per tenant, not across tenants', async () => {
    const first = await createTenant(database.db);
    const second = await createTenant(database.db);
    const agent = { identifier: 'TEST', firstName: 'A', lastName: 'B' };
    await database.db.insert(agents).values({ tenantId: first.id, ...agent });
    await database.db.insert(agents).values({ tenantId: second.id, ...agent });
    await expectRefused(
      database.db.insert(agents).values({ tenantId: first.id, ...agent, identifier: 'test' }),
      /agents_identifier_key/,
    );
  });

  it('allows one open work session per agent at a time', async () => {
    const tenant = await createTenant(database.db);
    const [client] = await database.db
      .insert(clients)
      .values({ tenantId: tenant.id, name: 'Client' })
      .returning();
    const [site] = await database.db
      .insert(sites)
      .values({ tenantId: tenant.id, clientId: client!.id, name: 'Site' })
      .returning();
    const [task] = await database.db
      .insert(tasks)
      .values({ tenantId: tenant.id, siteId: site!.id, name: 'Task' })
      .returning();
    const [agent] = await database.db
      .insert(agents)
      .values({ tenantId: tenant.id, identifier: 'W1', firstName: 'W', lastName: 'One' })
      .returning();
    await database.db
      .insert(taskAgents)
      .values({ tenantId: tenant.id, taskId: task!.id, agentId: agent!.id });
    const session = {
      tenantId: tenant.id,
      agentId: agent!.id,
      taskId: task!.id,
      siteId: site!.id,
      workDate: '2026-11-29',
      startedAt: new Date('2026-11-29T06:00:00Z'),
      lastEventAt: new Date('2026-11-29T06:00:00Z'),
    };
    await database.db.insert(workSessions).values({ ...session, state: 'CLOSED' });
    await database.db.insert(workSessions).values({ ...session, state: 'WORKING' });
    await expectRefused(
      database.db.insert(workSessions).values({ ...session, state: 'ON_BREAK' }),
      /work_sessions_one_open_key/,
    );
  });

  it('keeps the audit log append-only, except for the retention purge', async () => {
    const tenant = await createTenant(database.db);
    const [row] = await database.db
      .insert(auditLog)
      .values({ tenantId: tenant.id, actorType: 'system', action: 'test.append' })
      .returning();
    await expectRefused(
      database.db.execute(sql`update audit_log set action = 'tampered' where id = ${row!.id}`),
      /append-only/,
    );
    await expectRefused(database.db.execute(sql`delete from audit_log where id = ${row!.id}`), /append-only/);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('ciao.audit_purge', 'on', true)`);
      await tx.execute(sql`delete from audit_log where id = ${row!.id}`);
    });
    const left = await rows(database, sql`select id from audit_log where id = ${row!.id}`);
    expect(left).toHaveLength(0);
  });
});
