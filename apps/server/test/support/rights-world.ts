import { randomBytes } from 'node:crypto';
import { roles, type Role } from '@ciao/domain';
import type { FastifyInstance } from 'fastify';
import type { webUsers } from '../../src/db/schema/index.js';
import {
  agents,
  agentTokens,
  clients,
  devices,
  licences,
  sites,
  tasks,
  taskAgents,
} from '../../src/db/schema/index.js';
import { openWebSession } from '../../src/features/auth/sign-in-web-user.js';
import { hashLicenceCode } from '../../src/demo/seed-demo.js';
import { randomToken, sha256Hex } from '../../src/security/tokens.js';
import { createTenant, createWebUser, testPasswordHash } from './factories.js';
import type { WebSession } from './web-client.js';

/** One company with one object of each kind, for the rights and cross-tenant tests. */
export interface TenantWorld {
  tenant: Awaited<ReturnType<typeof createTenant>>;
  users: Record<Role, typeof webUsers.$inferSelect>;
  fieldAgentId: string;
  restrictedAgentId: string;
  clientId: string;
  siteId: string;
  taskId: string;
  licenceId: string;
  licenceCode: string;
  deviceId: string;
  deviceToken: string;
  agentToken: string;
}

export async function createTenantWorld(app: FastifyInstance): Promise<TenantWorld> {
  const db = app.ctx.db;
  const tenant = await createTenant(db);
  const users = {} as Record<Role, typeof webUsers.$inferSelect>;
  for (const role of roles)
    users[role] = await createWebUser(db, tenant.id, { role, login: role.toLowerCase() });
  const passwordHash = await testPasswordHash();
  const [fieldAgent] = await db
    .insert(agents)
    .values({
      tenantId: tenant.id,
      identifier: 'FIELD1',
      firstName: 'Field',
      lastName: 'Agent',
      niss: '85073003328',
      mobileAccess: true,
      mobileIdentifier: 'FIELD1',
      mobilePasswordHash: passwordHash,
    })
    .returning();
  const [restrictedAgent] = await db
    .insert(agents)
    .values({
      tenantId: tenant.id,
      identifier: 'ADM1',
      firstName: 'Office',
      lastName: 'Agent',
      agentType: 'ADM',
    })
    .returning();
  const [client] = await db.insert(clients).values({ tenantId: tenant.id, name: 'Client' }).returning();
  const [site] = await db
    .insert(sites)
    .values({
      tenantId: tenant.id,
      clientId: client!.id,
      name: 'Site',
      latitude: 50.85,
      longitude: 4.35,
      workDeclarationNumber: '1Y102M7NZF7PZ',
    })
    .returning();
  const [task] = await db
    .insert(tasks)
    .values({
      tenantId: tenant.id,
      siteId: site!.id,
      name: 'Task',
      schedule: [{ weekday: 1, start: '06:00', end: '09:00' }],
    })
    .returning();
  await db.insert(taskAgents).values({ tenantId: tenant.id, taskId: task!.id, agentId: fieldAgent!.id });
  const licenceCode = `LIC-${randomBytes(6).toString('hex').toUpperCase()}`;
  const [licence] = await db
    .insert(licences)
    .values({
      tenantId: tenant.id,
      codeHash: hashLicenceCode(licenceCode),
      codeHint: licenceCode.slice(-4),
      maxDevices: 10,
    })
    .returning();
  const deviceToken = randomToken();
  const [device] = await db
    .insert(devices)
    .values({
      tenantId: tenant.id,
      licenceId: licence!.id,
      installationId: randomToken(8),
      platform: 'android',
      appVersion: '0.1.0',
      tokenHash: sha256Hex(deviceToken),
    })
    .returning();
  const agentToken = randomToken();
  await db.insert(agentTokens).values({
    tenantId: tenant.id,
    agentId: fieldAgent!.id,
    deviceId: device!.id,
    tokenHash: sha256Hex(agentToken),
  });
  return {
    tenant,
    users,
    fieldAgentId: fieldAgent!.id,
    restrictedAgentId: restrictedAgent!.id,
    clientId: client!.id,
    siteId: site!.id,
    taskId: task!.id,
    licenceId: licence!.id,
    licenceCode,
    deviceId: device!.id,
    deviceToken,
    agentToken,
  };
}

/** A fresh session for a world's user of that role, made directly (no argon2, no throttling). */
export async function sessionFor(app: FastifyInstance, world: TenantWorld, role: Role): Promise<WebSession> {
  const session = await openWebSession(app.ctx, {
    tenantId: world.tenant.id,
    userId: world.users[role].id,
    secondFactorPending: false,
    ip: '127.0.0.1',
    userAgent: 'rights-test',
  });
  return {
    cookie: `ciao_session=${session.sessionToken}; ciao_csrf=${session.csrfToken}`,
    csrfToken: session.csrfToken,
  };
}
