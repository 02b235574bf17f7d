import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, auditLog, webUsers } from '../src/db/schema/index.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { pdfTextRuns } from './support/pdf-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

describe('GDPR personal-data export of an agent', () => {
  let subject: TestApp;
  let world: Awaited<ReturnType<typeof createClockWorld>>;
  let admin: Awaited<ReturnType<typeof webSessionFor>>;

  beforeAll(async () => {
    subject = await createTestApp();
    world = await createClockWorld(subject.app);
    admin = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    // The agent's own web user, as creating an agent in the back-office makes it.
    await subject.app.ctx.db.insert(webUsers).values({
      tenantId: world.tenant.id,
      login: world.agent.identifier.toLowerCase(),
      displayName: 'Fatima El Amrani',
      agentId: world.agent.id,
    });
    const arrive = await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(90) }));
    expect(arrive.statusCode).toBeLessThan(300);
    const leave = await world.send(world.event('LEAVE', { deviceTime: world.minutesAgo(10) }));
    expect(leave.statusCode).toBeLessThan(300);
  });
  afterAll(async () => {
    await subject.close();
  });

  const download = (session: { cookie: string; csrfToken: string }, agentId: string, format = 'json') =>
    asUser(subject.app, session, {
      method: 'GET',
      url: `/api/agents/${agentId}/personal-data?format=${format}`,
    });

  it('gives everything held about the agent as JSON, with the full NISS and the positions', async () => {
    const response = await download(admin.session, world.agent.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json();
    expect(data).toMatchObject({
      format: 'ciao.personal-data.v1',
      company: { code: world.tenant.code },
      agent: { id: world.agent.id, firstName: 'Fatima', lastName: 'El Amrani', niss: '85073003328' },
      webUser: { login: world.agent.identifier.toLowerCase() },
      tasks: [{ taskId: world.task.id, task: 'Morning cleaning', site: 'Louise 231', client: 'Immo Louise' }],
    });
    expect(data.devices).toHaveLength(1);
    expect(data.registrations.map((row: { action: string }) => row.action)).toEqual(['ARRIVE', 'LEAVE']);
    expect(data.registrations[0]).toMatchObject({
      position: { latitude: 50.8275, longitude: 4.3653 },
      positionAnonymisedAt: null,
      insideGeofence: true,
      onss: { status: expect.any(String) },
    });
    expect(data.workSessions).toHaveLength(1);
    expect(data.workSessions[0]).toMatchObject({ state: 'CLOSED', corrections: [] });
    expect(Array.isArray(data.anomalies)).toBe(true);
    // The agent's own registrations are audited with them as the actor; the export names itself.
    const actions = data.auditEntries.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('agent.personal_data_exported');
    expect(response.body).not.toMatch(/Hash"/);
  });

  it('keeps out what the agent, as a back-office user, changed about someone else', async () => {
    const [user] = await subject.app.ctx.db
      .select({ id: webUsers.id })
      .from(webUsers)
      .where(eq(webUsers.agentId, world.agent.id));
    const colleague = randomUUID();
    await subject.app.ctx.db.insert(auditLog).values([
      {
        tenantId: world.tenant.id,
        actorType: 'user',
        actorId: user!.id,
        action: 'agent.updated',
        entityType: 'agent',
        entityId: colleague,
        before: { lastName: 'Colleague-before' },
        after: { lastName: 'Colleague-after' },
      },
      {
        tenantId: world.tenant.id,
        actorType: 'user',
        actorId: admin.user.id,
        action: 'agent.updated',
        entityType: 'agent',
        entityId: world.agent.id,
        before: { phone: 'own-before' },
        after: { phone: 'own-after' },
      },
    ]);
    const response = await download(admin.session, world.agent.id);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Colleague-');
    const entries = response.json().auditEntries as { entityId: string; before: unknown; after: unknown }[];
    expect(entries.find((entry) => entry.entityId === colleague)).toMatchObject({
      before: null,
      after: null,
    });
    // What others changed about the agent is theirs to read.
    expect(response.body).toContain('own-after');
  });

  it('writes the same as a PDF in the requesting user’s language, and audits each export', async () => {
    const dutch = await webSessionFor(subject.app, world.tenant.id, 'HR_MANAGER');
    await subject.app.ctx.db.update(webUsers).set({ language: 'nl' }).where(eq(webUsers.id, dutch.user.id));
    const response = await download(dutch.session, world.agent.id, 'pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTextRuns(response.rawPayload).join(' ');
    expect(text).toContain('Persoonsgegevens van Fatima El Amrani');
    expect(text).toContain('85073003328');
    expect(text).toContain('Registraties');

    const audits = await subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'agent.personal_data_exported'), eq(auditLog.actorId, dutch.user.id)));
    expect(audits).toEqual([
      expect.objectContaining({ entityType: 'agent', entityId: world.agent.id, after: { format: 'pdf' } }),
    ]);
  });

  it('is for the roles that may edit the agent: managers not for ADM/GST agents, readers never', async () => {
    const expected: Record<string, number> = {
      ADMIN: 200,
      ADMIN_MANAGER: 200,
      HR_MANAGER: 200,
      SUPERVISOR: 403,
      INSPECTOR: 403,
      NONE: 403,
    };
    for (const [role, status] of Object.entries(expected)) {
      const { session } = await webSessionFor(subject.app, world.tenant.id, role);
      expect(`${role} ${(await download(session, world.agent.id)).statusCode}`).toBe(`${role} ${status}`);
    }
    const [manager] = await subject.app.ctx.db
      .insert(agents)
      .values({
        tenantId: world.tenant.id,
        identifier: `GST${Date.now()}`,
        firstName: 'Gil',
        lastName: 'Gérant',
        agentType: 'GST',
      })
      .returning();
    const hr = await webSessionFor(subject.app, world.tenant.id, 'HR_MANAGER');
    const refused = await download(hr.session, manager!.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'RESTRICTED_AGENT_TYPE' });
    expect((await download(admin.session, manager!.id)).statusCode).toBe(200);
  });

  it("answers 404 for another company's agent, and 400 for an unknown format", async () => {
    const other = await createClockWorld(subject.app);
    const response = await download(admin.session, other.agent.id);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('El Amrani');
    expect((await download(admin.session, world.agent.id, 'xml')).statusCode).toBe(400);
  });
});
