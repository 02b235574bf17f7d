import type { Db } from '../db/client.js';
import {
  agents,
  auditLog,
  clients,
  licences,
  onssConnections,
  operators,
  sites,
  subcontractors,
  taskAgents,
  taskGroups,
  tasks,
  tenants,
  webUsers,
} from '../db/schema/index.js';
import { hashLicenceCode } from '../features/licences/licence-code.js';
import { hashPassword } from '../security/passwords.js';
import type { SecretBox } from '../security/secret-box.js';
import { seedDemoHistory } from './demo-history.js';
import { demoOnssConnection } from './demo-onss.js';
import {
  demoAgentPassword,
  demoAgents,
  demoClients,
  demoEmptyTenant,
  demoLicenceCode,
  demoOperator,
  demoSites,
  demoSubcontractor,
  demoTaskGroups,
  demoTasks,
  demoTenant,
  demoUsers,
  demoWebPassword,
} from './demo-data.js';

// Kept here too for the callers that import it from the demo seed.
export { hashLicenceCode };

function byKey<T extends { key: string }>(rows: readonly T[], ids: readonly string[]): Map<string, string> {
  return new Map(rows.map((row, index) => [row.key, ids[index] as string]));
}

function lookup(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo data refers to unknown key ${key}`);
  return id;
}

/**
 * Seeds the demo company (code DEMO) and an empty one to set up from scratch (code NOUVEAU, its
 * administrator only) in one transaction: clients, sites in Brussels, Antwerp and
 * Liège, task groups, scheduled tasks, 20 agents with their automatic web users, one web user per
 * role, and a licence code. Passwords are hashed before the transaction: argon2 is slow by design.
 */
export async function seedDemo(db: Db, options: { secretBox?: SecretBox } = {}): Promise<void> {
  const webPasswordHash = await hashPassword(demoWebPassword);
  const agentPasswordHash = await hashPassword(demoAgentPassword);
  // With the server's secret box, the demo company gets its ONSS connection to the simulator.
  const onssConnection = options.secretBox ? await demoOnssConnection(options.secretBox) : undefined;

  await db.transaction(async (tx) => {
    // The console's operator: its authenticator already set up (with the demo's fixed secret) when
    // the secret box is at hand to seal it, else set up at the first sign-in.
    await tx
      .insert(operators)
      .values({
        email: demoOperator.email,
        displayName: demoOperator.displayName,
        passwordHash: webPasswordHash,
        totpSecretEncrypted: options.secretBox ? options.secretBox.seal(demoOperator.totpSecret) : null,
        totpEnabledAt: options.secretBox ? new Date() : null,
      })
      .onConflictDoNothing();

    const [tenant] = await tx
      .insert(tenants)
      .values({
        ...demoTenant,
        settings: {
          defaultGeofenceRadiusMeters: 150,
          blockOutsideGeofence: false,
          maxEventAgeDays: 7,
          requireTwoFactorForAdmins: false,
        },
      })
      .returning({ id: tenants.id });
    if (!tenant) throw new Error('demo tenant not created');
    const tenantId = tenant.id;

    if (onssConnection) await tx.insert(onssConnections).values({ tenantId, ...onssConnection });

    await tx.insert(licences).values({
      tenantId,
      codeHash: hashLicenceCode(demoLicenceCode),
      codeHint: demoLicenceCode.slice(-4),
      label: 'Démo',
      maxDevices: 50,
    });

    const [subcontractor] = await tx
      .insert(subcontractors)
      .values({
        tenantId,
        name: demoSubcontractor.name,
        enterpriseNumber: demoSubcontractor.enterpriseNumber,
      })
      .returning({ id: subcontractors.id });

    const clientRows = await tx
      .insert(clients)
      .values(demoClients.map(({ key: _key, ...client }) => ({ tenantId, ...client })))
      .returning({ id: clients.id });
    const clientIds = byKey(
      demoClients,
      clientRows.map((row) => row.id),
    );

    const siteRows = await tx
      .insert(sites)
      .values(
        demoSites.map(({ key: _key, client, ...site }) => ({
          tenantId,
          clientId: lookup(clientIds, client),
          geofenceRadiusMeters: 150,
          subjectToOnss: true,
          ...site,
        })),
      )
      .returning({ id: sites.id });
    const siteIds = byKey(
      demoSites,
      siteRows.map((row) => row.id),
    );

    const groupRows = await tx
      .insert(taskGroups)
      .values(demoTaskGroups.map((group) => ({ tenantId, name: group.name })))
      .returning({ id: taskGroups.id });
    const groupIds = byKey(
      demoTaskGroups,
      groupRows.map((row) => row.id),
    );

    const taskRows = await tx
      .insert(tasks)
      .values(
        demoTasks.map((task) => ({
          tenantId,
          siteId: lookup(siteIds, task.site),
          groupId: lookup(groupIds, task.group),
          name: task.name,
          schedule: [...task.schedule],
          validFrom: '2024-09-01',
        })),
      )
      .returning({ id: tasks.id });
    const taskIds = byKey(
      demoTasks,
      taskRows.map((row) => row.id),
    );

    const agentRows = await tx
      .insert(agents)
      .values(
        demoAgents.map((agent) => ({
          tenantId,
          identifier: agent.identifier,
          firstName: agent.firstName,
          lastName: agent.lastName,
          niss: agent.niss,
          agentType: agent.agentType ?? 'FIELD',
          employmentStatus: agent.employmentStatus ?? 'employee',
          subcontractorId: agent.subcontracted ? (subcontractor?.id ?? null) : null,
          language: agent.language,
          mobileAccess: agent.tasks.length > 0,
          mobileIdentifier: agent.tasks.length > 0 ? agent.identifier : null,
          mobilePasswordHash: agent.tasks.length > 0 ? agentPasswordHash : null,
          mobilePasswordChangedAt: agent.tasks.length > 0 ? new Date() : null,
          activeFrom: '2024-09-01',
        })),
      )
      .returning({ id: agents.id });

    await tx.insert(webUsers).values([
      ...demoUsers.map((user) => ({
        tenantId,
        login: user.login,
        displayName: user.displayName,
        role: user.role,
        passwordHash: webPasswordHash,
        passwordChangedAt: new Date(),
      })),
      // Every agent has its web user, created with the agent (role NONE: no back-office access).
      ...demoAgents.map((agent, index) => ({
        tenantId,
        login: agent.identifier.toLowerCase(),
        displayName: `${agent.firstName} ${agent.lastName}`,
        language: agent.language,
        role: 'NONE',
        agentId: agentRows[index]?.id ?? null,
      })),
    ]);

    const links = demoAgents.flatMap((agent, index) =>
      agent.tasks.map((task) => ({
        tenantId,
        taskId: lookup(taskIds, task),
        agentId: agentRows[index]?.id as string,
      })),
    );
    if (links.length > 0) await tx.insert(taskAgents).values(links);

    const testAgentId = agentRows[demoAgents.findIndex((agent) => agent.identifier === 'TEST')]?.id;
    // Weeks of past work for the charts and lists; TEST's own history stays for the agent-app tests.
    await seedDemoHistory(tx, {
      tenantId,
      timeZone: 'Europe/Brussels',
      now: new Date(),
      employerEnterpriseNumber: demoTenant.enterpriseNumber,
      agents: demoAgents.map((agent, index) => ({
        id: agentRows[index]?.id as string,
        identifier: agent.identifier,
        niss: agent.niss,
        employmentStatus: agent.employmentStatus ?? 'employee',
        ...(agent.subcontracted ? { employerEnterpriseNumber: demoSubcontractor.enterpriseNumber } : {}),
      })),
      tasks: demoTasks.map((task) => ({
        id: lookup(taskIds, task.key),
        siteId: lookup(siteIds, task.site),
        schedule: task.schedule,
      })),
      sites: demoSites.map((site) => ({
        id: lookup(siteIds, site.key),
        latitude: site.latitude,
        longitude: site.longitude,
        workDeclarationNumber: site.workDeclarationNumber,
        radius: 150,
      })),
      links: links.filter((link) => link.agentId !== testAgentId),
    });

    await tx.insert(auditLog).values({
      tenantId,
      actorType: 'system',
      action: 'demo.seeded',
      entityType: 'tenant',
      entityId: tenantId,
      after: { code: demoTenant.code, agents: demoAgents.length, sites: demoSites.length },
    });

    const [empty] = await tx
      .insert(tenants)
      .values({
        code: demoEmptyTenant.code,
        name: demoEmptyTenant.name,
        settings: {
          defaultGeofenceRadiusMeters: 150,
          blockOutsideGeofence: false,
          maxEventAgeDays: 7,
          requireTwoFactorForAdmins: false,
        },
      })
      .returning({ id: tenants.id });
    if (!empty) throw new Error('empty demo tenant not created');
    await tx.insert(webUsers).values({
      tenantId: empty.id,
      login: demoEmptyTenant.adminLogin,
      displayName: demoEmptyTenant.adminDisplayName,
      role: 'ADMIN',
      passwordHash: webPasswordHash,
      passwordChangedAt: new Date(),
    });
    await tx.insert(auditLog).values({
      tenantId: empty.id,
      actorType: 'system',
      action: 'demo.seeded',
      entityType: 'tenant',
      entityId: empty.id,
      after: { code: demoEmptyTenant.code, agents: 0, sites: 0 },
    });
  });
}
