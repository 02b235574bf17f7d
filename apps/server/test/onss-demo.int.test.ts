import { DEMO_CLIENT_ID } from '@ciao/onss-simulator';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agents,
  onssConnections,
  onssRegistrations,
  taskAgents,
  tasks,
  tenants,
} from '../src/db/schema/index.js';
import { prepareDemoSimulator } from '../src/demo/demo-onss.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createOnssOutbox } from '../src/jobs/onss-outbox-worker.js';
import { createAgentToken, createDevice, createLicence } from './support/factories.js';
import { startTestSimulator, type TestSimulator } from './support/onss-simulator.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the demo company and the ONSS simulator', () => {
  let subject: TestApp;
  let simulator: TestSimulator;
  beforeAll(async () => {
    subject = await createTestApp();
    simulator = await startTestSimulator({ clock: { now: subject.clock.now } });
    subject.app.ctx.onss.simulatorUrl = simulator.url;
    await seedDemo(subject.app.ctx.db, { secretBox: subject.app.ctx.secretBox });
    await prepareDemoSimulator(simulator.app, subject.app.ctx.db, subject.app.ctx.secretBox);
  }, 120_000);
  afterAll(async () => {
    await simulator.close();
    await subject.close();
  });

  it('seeds a sealed simulator connection, and a demo registration ends validated', async () => {
    const db = subject.app.ctx.db;
    const [tenant] = await db.select().from(tenants).where(eq(tenants.code, 'DEMO'));
    const [connection] = await db
      .select()
      .from(onssConnections)
      .where(eq(onssConnections.tenantId, tenant!.id));
    expect(connection).toMatchObject({ environment: 'simulator', clientId: DEMO_CLIENT_ID });
    expect(connection!.privateKeyEncrypted!.toString('utf8')).not.toContain('PRIVATE KEY');

    const [agent] = await db
      .select()
      .from(agents)
      .where(and(eq(agents.tenantId, tenant!.id), eq(agents.identifier, 'TEST')));
    const [link] = await db
      .select({ taskId: taskAgents.taskId })
      .from(taskAgents)
      .innerJoin(tasks, eq(tasks.id, taskAgents.taskId))
      .where(eq(taskAgents.agentId, agent!.id));
    const licence = await createLicence(db, tenant!.id);
    const device = await createDevice(db, tenant!.id, licence.licence.id);
    const { token } = await createAgentToken(db, {
      tenantId: tenant!.id,
      agentId: agent!.id,
      deviceId: device.device.id,
    });
    const [site] = await db.select().from(tasks).where(eq(tasks.id, link!.taskId));
    expect(site).toBeDefined();
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/agent/v1/clock-events',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        id: crypto.randomUUID(),
        taskId: link!.taskId,
        action: 'ARRIVE',
        deviceTime: new Date(subject.clock.now().getTime() - 60_000).toISOString(),
        position: { latitude: 50.8275, longitude: 4.3653, accuracyMeters: 10 },
        appVersion: '0.1.0',
      },
    });
    expect(response.statusCode, response.body).toBe(201);

    const outbox = createOnssOutbox(subject.app.ctx);
    await outbox.runPass();
    subject.clock.advance(1_000);
    await outbox.runPass();
    const [row] = await db.select().from(onssRegistrations).where(eq(onssRegistrations.agentId, agent!.id));
    expect(row, JSON.stringify(row)).toMatchObject({ status: 'validated', remarks: [] });
  });
});
