import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, licences, sites, taskAgents, tasks, webUsers } from '../src/db/schema/index.js';
import { demoAgentPassword, demoLicenceCode, demoWebPassword } from '../src/demo/demo-data.js';
import { hashLicenceCode, seedDemo } from '../src/demo/seed-demo.js';
import { findTenantByCode } from '../src/features/tenants/tenant-repository.js';
import { verifyPassword } from '../src/security/passwords.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('creates an empty company NOUVEAU with only its administrator, to set up from scratch', async () => {
    const tenant = await findTenantByCode(database.db, 'nouveau');
    expect(tenant).toMatchObject({ code: 'NOUVEAU', status: 'active' });
    const users = await database.db.select().from(webUsers).where(eq(webUsers.tenantId, tenant!.id));
    expect(users.map((user) => [user.login, user.role])).toEqual([['admin', 'ADMIN']]);
    expect(await verifyPassword(users[0]!.passwordHash!, demoWebPassword)).toBe(true);
    for (const table of [agents, sites, tasks, licences]) {
      expect(await database.db.select().from(table).where(eq(table.tenantId, tenant!.id))).toEqual([]);
    }
  });

  it('creates the DEMO company, found whatever the case of its code', async () => {
    const tenant = await findTenantByCode(database.db, 'demo');
    expect(tenant).toMatchObject({ code: 'DEMO', timeZone: 'Europe/Brussels', status: 'active' });
  });

  it('lets TEST log into the agent app: app access, mobile identifier, hashed password, linked tasks', async () => {
    const tenant = await findTenantByCode(database.db, 'DEMO');
    const [agent] = await database.db
      .select()
      .from(agents)
      .where(and(eq(agents.tenantId, tenant!.id), eq(agents.identifier, 'TEST')));
    expect(agent).toMatchObject({ mobileAccess: true, mobileIdentifier: 'TEST', active: true });
    expect(agent!.mobilePasswordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(agent!.mobilePasswordHash!, demoAgentPassword)).toBe(true);
    const links = await database.db.select().from(taskAgents).where(eq(taskAgents.agentId, agent!.id));
    expect(links.length).toBeGreaterThanOrEqual(1);
  });

  it('has 20 agents, each with its automatic web user of role NONE', async () => {
    const tenant = await findTenantByCode(database.db, 'DEMO');
    const all = await database.db.select().from(agents).where(eq(agents.tenantId, tenant!.id));
    expect(all).toHaveLength(20);
    expect(new Set(all.map((agent) => agent.agentType))).toEqual(new Set(['FIELD', 'ADM', 'GST']));
    const users = await database.db.select().from(webUsers).where(eq(webUsers.tenantId, tenant!.id));
    const agentUsers = users.filter((user) => user.agentId !== null);
    expect(agentUsers).toHaveLength(20);
    expect(agentUsers.every((user) => user.role === 'NONE')).toBe(true);
  });

  it('has one web user per role, with the demo password hashed', async () => {
    const tenant = await findTenantByCode(database.db, 'DEMO');
    const users = await database.db.select().from(webUsers).where(eq(webUsers.tenantId, tenant!.id));
    const staff = users.filter((user) => user.agentId === null);
    expect(staff.map((user) => user.role).sort()).toEqual(
      ['ADMIN', 'ADMIN_MANAGER', 'HR_MANAGER', 'INSPECTOR', 'NONE', 'SUPERVISOR'].sort(),
    );
    const admin = staff.find((user) => user.role === 'ADMIN');
    expect(await verifyPassword(admin!.passwordHash!, demoWebPassword)).toBe(true);
  });

  it('has sites in Brussels, Antwerp and Liège with coordinates, and scheduled active tasks', async () => {
    const tenant = await findTenantByCode(database.db, 'DEMO');
    const all = await database.db.select().from(sites).where(eq(sites.tenantId, tenant!.id));
    const cities = new Set(all.map((site) => site.postCode?.[0]));
    expect(cities).toEqual(new Set(['1', '2', '4']));
    for (const site of all) {
      expect(site.latitude).toBeGreaterThan(49.4);
      expect(site.latitude).toBeLessThan(51.6);
      expect(site.workDeclarationNumber).toMatch(/^[A-Z0-9]{13}$/);
    }
    const allTasks = await database.db.select().from(tasks).where(eq(tasks.tenantId, tenant!.id));
    expect(allTasks.every((task) => task.active && task.schedule.length > 0)).toBe(true);
  });

  it('stores the licence code only as a hash', async () => {
    const tenant = await findTenantByCode(database.db, 'DEMO');
    const [licence] = await database.db.select().from(licences).where(eq(licences.tenantId, tenant!.id));
    expect(licence!.codeHash).toBe(hashLicenceCode(demoLicenceCode));
    expect(licence!.codeHash).toBe(hashLicenceCode(demoLicenceCode.toLowerCase().replaceAll('-', ' ')));
    expect(JSON.stringify(licence)).not.toContain(demoLicenceCode);
  });
});
