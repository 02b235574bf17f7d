import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, onssRegistrations, workSessions } from '../src/db/schema/index.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

describe('work sessions and manager corrections', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function worldWithManager(role = 'HR_MANAGER') {
    const world = await createClockWorld(subject.app);
    const { session } = await webSessionFor(subject.app, world.tenant.id, role);
    return { world, session };
  }

  it('lists the registered figures of each session', async () => {
    const { world, session } = await worldWithManager('SUPERVISOR');
    await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(120) }));
    await world.send(world.event('LEAVE', { deviceTime: world.minutesAgo(30) }));
    const list = await asUser(subject.app, session, {
      method: 'GET',
      url: `/api/work-sessions?agentId=${world.agent.id}`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [
        {
          state: 'CLOSED',
          workedSeconds: 90 * 60,
          correction: null,
          agent: { identifier: world.agent.identifier },
        },
      ],
    });
  });

  it('closes a forgotten departure by correction, without sending anything to ONSS, and lets the agent start again', async () => {
    const { world, session } = await worldWithManager();
    await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(600) }));
    const [open] = await subject.app.ctx.db
      .select()
      .from(workSessions)
      .where(eq(workSessions.agentId, world.agent.id));
    const [outboxBefore] = await subject.app.ctx.db
      .select({ n: count() })
      .from(onssRegistrations)
      .where(eq(onssRegistrations.agentId, world.agent.id));
    const endedAt = world.minutesAgo(420);
    const corrected = await asUser(subject.app, session, {
      method: 'POST',
      url: `/api/work-sessions/${open!.id}/corrections`,
      payload: {
        endedAt,
        breakMinutes: 15,
        reason: 'Forgot to register the departure; confirmed by the client',
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({
      state: 'CLOSED',
      endedAt: null,
      correction: {
        endedAt: new Date(endedAt).toISOString(),
        breakSeconds: 900,
        workedSeconds: 180 * 60 - 900,
      },
    });
    const [outboxAfter] = await subject.app.ctx.db
      .select({ n: count() })
      .from(onssRegistrations)
      .where(eq(onssRegistrations.agentId, world.agent.id));
    expect(outboxAfter!.n).toBe(outboxBefore!.n);
    const audit = await subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'work_session.corrected'));
    expect(audit.some((row) => row.entityId === open!.id)).toBe(true);
    const detail = await asUser(subject.app, session, {
      method: 'GET',
      url: `/api/work-sessions/${open!.id}`,
    });
    expect(detail.json().corrections).toEqual([
      expect.objectContaining({ reason: 'Forgot to register the departure; confirmed by the client' }),
    ]);

    const again = await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(60) }));
    expect(again.statusCode).toBe(201);
  });

  it('still records a departure synced after the correction, in the corrected session', async () => {
    const { world, session } = await worldWithManager();
    await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(300) }));
    const [open] = await subject.app.ctx.db
      .select()
      .from(workSessions)
      .where(eq(workSessions.agentId, world.agent.id));
    await asUser(subject.app, session, {
      method: 'POST',
      url: `/api/work-sessions/${open!.id}/corrections`,
      payload: { endedAt: world.minutesAgo(100), reason: 'Departure not registered yet' },
    });
    const late = await world.send(
      world.event('LEAVE', { deviceTime: world.minutesAgo(120), capturedOffline: true }),
    );
    expect(late.statusCode, late.body).toBe(201);
    const [after] = await subject.app.ctx.db.select().from(workSessions).where(eq(workSessions.id, open!.id));
    expect(after).toMatchObject({ state: 'CLOSED', corrected: true, workedSeconds: 180 * 60 });
    expect(after!.endedAt?.toISOString()).toBe(new Date(world.minutesAgo(120)).toISOString());
  });

  it('refuses a correction without a reason, ending before its start, or leaving an open session without an end', async () => {
    const { world, session } = await worldWithManager();
    await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(60) }));
    const [open] = await subject.app.ctx.db
      .select()
      .from(workSessions)
      .where(eq(workSessions.agentId, world.agent.id));
    const url = `/api/work-sessions/${open!.id}/corrections`;
    const noReason = await asUser(subject.app, session, {
      method: 'POST',
      url,
      payload: { endedAt: world.minutesAgo(10) },
    });
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    const backwards = await asUser(subject.app, session, {
      method: 'POST',
      url,
      payload: { endedAt: world.minutesAgo(90), reason: 'Wrong end time' },
    });
    expect(backwards.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'endedAt', code: 'BEFORE_START' }],
    });
    const noEnd = await asUser(subject.app, session, {
      method: 'POST',
      url,
      payload: { breakMinutes: 10, reason: 'Break too short' },
    });
    expect(noEnd.json().errors).toEqual([expect.objectContaining({ path: 'endedAt', code: 'REQUIRED' })]);
  });
});
