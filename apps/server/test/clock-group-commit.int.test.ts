import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { clockEventInput } from '@ciao/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditLog, clockEvents, onssRegistrations, workSessions } from '../src/db/schema/index.js';
import { clockEventGroupCommit } from '../src/features/clock/clock-event-group-commit.js';
import { createClockWorld } from './support/clock-world.js';
import { createAppAgent } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Registrations of many agents sent at once share transactions (group commit): each must still be
// recorded exactly once, answered on its own, and never pay for a neighbour's problem.
describe('registrations of many agents at once', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const db = () => subject.app.ctx.db;

  it('records each arrival once with its own session, outbox row and audit row', async () => {
    const worlds = await Promise.all(Array.from({ length: 12 }, () => createClockWorld(subject.app)));
    const arrivals = worlds.map((world) => world.event('ARRIVE', { deviceTime: world.minutesAgo(3) }));
    const responses = await Promise.all(worlds.map((world, index) => world.send(arrivals[index])));
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ outcome: 'recorded', state: { status: 'WORKING' } });
    }
    const ids = arrivals.map((event) => event.id);
    const stored = await db().select().from(clockEvents).where(inArray(clockEvents.id, ids));
    expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
    for (const [index, world] of worlds.entries()) {
      const row = stored.find((event) => event.id === ids[index])!;
      expect(row.agentId).toBe(world.agent.id);
      expect(row.tenantId).toBe(world.tenant.id);
      const sessions = await db().select().from(workSessions).where(eq(workSessions.agentId, world.agent.id));
      expect(sessions).toMatchObject([{ state: 'WORKING', tenantId: world.tenant.id }]);
    }
    const outbox = await db()
      .select()
      .from(onssRegistrations)
      .where(inArray(onssRegistrations.clockEventId, ids));
    expect(outbox).toHaveLength(ids.length);
    const audit = await db().select().from(auditLog).where(inArray(auditLog.entityId, ids));
    expect(audit.map((row) => [row.entityId, row.tenantId]).sort()).toEqual(
      ids.map((id, index) => [id, worlds[index]!.tenant.id]).sort(),
    );
    expect(clockEventGroupCommit(subject.app.ctx).pending).toBe(0);
  });

  it('answers a refusal, a replay and a colleague’s id each on its own, and records the others', async () => {
    const [refusedWorld, replayWorld, conflictWorld, ...others] = await Promise.all(
      Array.from({ length: 6 }, () => createClockWorld(subject.app)),
    );
    const earlier = replayWorld!.event('ARRIVE', { deviceTime: replayWorld!.minutesAgo(10) });
    expect((await replayWorld!.send(earlier)).statusCode).toBe(201);
    const taken = conflictWorld!.event('ARRIVE', { deviceTime: conflictWorld!.minutesAgo(9) });
    // A colleague's registration already holds this id.
    const colleague = await createAppAgent(db(), conflictWorld!.tenant.id);
    await db()
      .insert(clockEvents)
      .values({
        tenantId: conflictWorld!.tenant.id,
        id: taken.id,
        agentId: colleague.id,
        taskId: conflictWorld!.task.id,
        siteId: conflictWorld!.site.id,
        action: 'ARRIVE',
        direction: 'IN',
        deviceTime: new Date(conflictWorld!.minutesAgo(12)),
        latitude: 50.8275,
        longitude: 4.3653,
        accuracyMeters: 5,
        contentHash: 'colleague',
      });

    const [refused, replayed, conflicting, ...recorded] = await Promise.all([
      refusedWorld!.send(refusedWorld!.event('PAUSE')),
      replayWorld!.send(earlier),
      conflictWorld!.send(taken),
      ...others.map((world) => world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(2) }))),
    ]);
    expect(refused!.statusCode).toBe(409);
    expect(refused!.json().code).toBe('CLOCK_NOT_WORKING');
    expect(replayed!.statusCode).toBe(200);
    expect(replayed!.json()).toMatchObject({ outcome: 'already_recorded', code: 'ALREADY_RECORDED' });
    expect(conflicting!.statusCode).toBe(409);
    expect(conflicting!.json().code).toBe('CLOCK_EVENT_CONFLICT');
    for (const response of recorded) expect(response.statusCode, response.body).toBe(201);
    const conflictSessions = await db()
      .select()
      .from(workSessions)
      .where(eq(workSessions.agentId, conflictWorld!.agent.id));
    expect(conflictSessions).toEqual([]);
  });

  it('holds an agent’s second registration until the first is written, in the order they were queued', async () => {
    const world = await createClockWorld(subject.app);
    // Straight into the group commit in one turn: over HTTP two requests sent at once have no
    // order (each may wait for its own database round trips before it is queued).
    const groupCommit = clockEventGroupCommit(subject.app.ctx);
    const input = (event: unknown) => ({
      tenantId: world.tenant.id,
      agentId: world.agent.id,
      deviceId: world.device.id,
      event: clockEventInput.parse(event),
    });
    const [arrive, pause] = await Promise.all([
      groupCommit.record(input(world.event('ARRIVE', { deviceTime: world.minutesAgo(20) }))),
      groupCommit.record(input(world.event('PAUSE', { deviceTime: world.minutesAgo(10) }))),
    ]);
    expect(arrive.outcome).toBe('recorded');
    expect(pause).toMatchObject({ outcome: 'recorded', state: { status: 'ON_BREAK' } });
    const [session] = await db().select().from(workSessions).where(eq(workSessions.agentId, world.agent.id));
    expect(session).toMatchObject({ state: 'ON_BREAK', workedSeconds: 600, breakCount: 1 });
  });

  it.runIf(inject('databaseKind') === 'postgres')(
    'keeps registering other agents while a group waits on an agent another transaction holds',
    async () => {
      const [held, free] = await Promise.all([createClockWorld(subject.app), createClockWorld(subject.app)]);
      // Another writer (an import, an administrator's edit) holds the agent's row.
      const other = await subject.database.pool!.connect();
      try {
        await other.query('begin');
        await other.query('select id from agents where id = $1 for update', [held.agent.id]);
        const waiting = held.send(held.event('ARRIVE', { deviceTime: held.minutesAgo(2) }));
        await new Promise((resolve) => setTimeout(resolve, 200));
        // The second group slot (CLOCK_WRITE_CONCURRENCY, 2 by default) still writes.
        const answered = await free.send(free.event('ARRIVE', { deviceTime: free.minutesAgo(2) }));
        expect(answered.statusCode, answered.body).toBe(201);
        await other.query('commit');
        const released = await waiting;
        expect(released.statusCode, released.body).toBe(201);
      } finally {
        await other.query('rollback').catch(() => {});
        other.release();
      }
    },
  );

  it('refuses a registration for a task of another company as not found, without touching the others', async () => {
    const [world, other] = await Promise.all([createClockWorld(subject.app), createClockWorld(subject.app)]);
    const [foreign, own] = await Promise.all([
      world.send(world.event('ARRIVE', { taskId: other!.task.id })),
      other!.send(other!.event('ARRIVE', { id: randomUUID() })),
    ]);
    expect(foreign!.statusCode).toBe(404);
    expect(foreign!.json().code).toBe('TASK_NOT_FOUND');
    expect(own!.statusCode).toBe(201);
  });
});
