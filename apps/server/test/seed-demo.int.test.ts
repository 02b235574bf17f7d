import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekStart, weekStartOfInstant } from '@ciao/domain';
import {
  agents,
  anomalies,
  clockEvents,
  licences,
  onssRegistrations,
  sites,
  taskAgents,
  tasks,
  webUsers,
  workSessions,
} from '../src/db/schema/index.js';
import { DEMO_HISTORY_WEEKS } from '../src/demo/demo-history.js';
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

  it('has whole weeks of past work before this one, none this week nor for TEST', async () => {
    const tenant = await findTenantByCode(database.db, 'DEMO');
    const sessions = await database.db
      .select()
      .from(workSessions)
      .where(eq(workSessions.tenantId, tenant!.id));
    const thisWeek = weekStartOfInstant(new Date(), 'Europe/Brussels');
    const weeks = new Set(sessions.map((session) => isoWeekStart(session.workDate)));
    expect(weeks.size).toBe(DEMO_HISTORY_WEEKS);
    expect(weeks.has(thisWeek)).toBe(false);
    const [test] = await database.db
      .select()
      .from(agents)
      .where(and(eq(agents.tenantId, tenant!.id), eq(agents.identifier, 'TEST')));
    expect(sessions.some((session) => session.agentId === test!.id)).toBe(false);
    expect(sessions.every((session) => session.state === 'CLOSED' && session.workedSeconds > 0)).toBe(true);

    const events = await database.db.select().from(clockEvents).where(eq(clockEvents.tenantId, tenant!.id));
    const registrations = await database.db
      .select()
      .from(onssRegistrations)
      .where(eq(onssRegistrations.tenantId, tenant!.id));
    expect(registrations).toHaveLength(events.length);
    // Nothing left for the outbox to send: the past is settled.
    expect(new Set(registrations.map((row) => row.status))).toEqual(new Set(['validated', 'refused']));
    const onTime = registrations.filter(
      (row) => row.registeredAt && row.registeredAt.getTime() - row.registrationTime.getTime() <= 5 * 60_000,
    );
    expect(onTime.length / registrations.length).toBeGreaterThan(0.8);
    expect(onTime.length).toBeLessThan(registrations.length);
    const found = await database.db.select().from(anomalies).where(eq(anomalies.tenantId, tenant!.id));
    expect(new Set(found.map((row) => row.type))).toEqual(
      new Set(['NO_SHOW', 'OUTSIDE_GEOFENCE', 'LATE_SYNC', 'ONSS_REFUSED']),
    );
  });
});
