import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  agents,
  agentTokens,
  clients,
  devices,
  licences,
  onssConnections,
  sites,
  subcontractors,
  taskAgents,
  tasks,
} from '../../src/db/schema/index.js';
import type { TenantSettings } from '../../src/db/schema/tenants.js';
import type { ScheduleSlot } from '../../src/db/schema/places.js';
import { randomToken, sha256Hex } from '../../src/security/tokens.js';
import { createTenant } from './factories.js';

/** Avenue Louise 231, Ixelles: the site every clock test registers at. */
export const sitePosition = { latitude: 50.8275, longitude: 4.3653 };

/** An agent signed in on a device, linked to a task on a geofenced site, in a fresh company. */
export async function createClockWorld(
  app: FastifyInstance,
  options: {
    tenantSettings?: TenantSettings;
    onssConnection?: boolean;
    subjectToOnss?: boolean;
    subcontracted?: boolean;
    /** The task's weekly schedule (every day 06:00–09:00 by default). */
    schedule?: ScheduleSlot[];
  } = {},
) {
  const db = app.ctx.db;
  const tenant = await createTenant(db, {
    enterpriseNumber: '0777123418',
    ...(options.tenantSettings ? { settings: options.tenantSettings } : {}),
  });
  if (options.onssConnection !== false) {
    await db
      .insert(onssConnections)
      .values({ tenantId: tenant.id, environment: 'simulator', clientId: `client-${tenant.code}` });
  }
  const [client] = await db.insert(clients).values({ tenantId: tenant.id, name: 'Immo Louise' }).returning();
  const [site] = await db
    .insert(sites)
    .values({
      tenantId: tenant.id,
      clientId: client!.id,
      name: 'Louise 231',
      street: 'Avenue Louise',
      houseNumber: '231',
      postCode: '1050',
      municipality: 'Ixelles',
      ...sitePosition,
      geofenceRadiusMeters: 150,
      workDeclarationNumber: '1Y102M7NZF7PZ',
      subjectToOnss: options.subjectToOnss ?? true,
    })
    .returning();
  const everyDay = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
    weekday,
    start: '06:00',
    end: '09:00',
  }));
  const [task] = await db
    .insert(tasks)
    .values({
      tenantId: tenant.id,
      siteId: site!.id,
      name: 'Morning cleaning',
      schedule: options.schedule ?? everyDay,
    })
    .returning();
  const [subcontractor] = options.subcontracted
    ? await db
        .insert(subcontractors)
        .values({ tenantId: tenant.id, name: 'Sparkle', enterpriseNumber: '0777234571' })
        .returning()
    : [undefined];
  const [agent] = await db
    .insert(agents)
    .values({
      tenantId: tenant.id,
      identifier: `A${randomBytes(2).toString('hex').toUpperCase()}`,
      firstName: 'Fatima',
      lastName: 'El Amrani',
      niss: '85073003328',
      mobileAccess: true,
      subcontractorId: subcontractor?.id ?? null,
    })
    .returning();
  await db.insert(taskAgents).values({ tenantId: tenant.id, taskId: task!.id, agentId: agent!.id });
  const [licence] = await db
    .insert(licences)
    .values({ tenantId: tenant.id, codeHash: randomToken(), codeHint: 'XXXX', maxDevices: 5 })
    .returning();
  const [device] = await db
    .insert(devices)
    .values({
      tenantId: tenant.id,
      licenceId: licence!.id,
      installationId: randomToken(8),
      tokenHash: randomToken(),
    })
    .returning();
  const token = randomToken();
  await db
    .insert(agentTokens)
    .values({ tenantId: tenant.id, agentId: agent!.id, deviceId: device!.id, tokenHash: sha256Hex(token) });

  const authorization = `Bearer ${token}`;
  const minutesAgo = (minutes: number) => new Date(app.ctx.now().getTime() - minutes * 60_000).toISOString();
  const event = (action: string, overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    taskId: task!.id,
    action,
    deviceTime: app.ctx.now().toISOString(),
    position: { ...sitePosition, accuracyMeters: 10 },
    appVersion: '0.1.0',
    ...overrides,
  });
  const send = (body: unknown) =>
    app.inject({
      method: 'POST',
      url: '/api/agent/v1/clock-events',
      headers: { authorization },
      payload: body as object,
    });
  const sendBatch = (events: unknown[]) =>
    app.inject({
      method: 'POST',
      url: '/api/agent/v1/clock-events/batch',
      headers: { authorization },
      payload: { events },
    });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization } });
  return {
    tenant,
    site: site!,
    task: task!,
    agent: agent!,
    device: device!,
    authorization,
    event,
    send,
    sendBatch,
    get,
    minutesAgo,
  };
}
