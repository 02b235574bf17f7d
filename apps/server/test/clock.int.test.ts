import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agents,
  auditLog,
  clockEvents,
  onssRegistrations,
  tasks,
  workSessions,
} from '../src/db/schema/index.js';
import { createClockWorld } from './support/clock-world.js';
import { createAppAgent } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('registering arrival, pause, resume and departure', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const db = () => subject.app.ctx.db;

  it('walks a full day and keeps the work session, the audit and the ONSS outbox in step', async () => {
    const world = await createClockWorld(subject.app);
    const published: string[] = [];
    const stop = subject.app.ctx.events.subscribe('clock_event.recorded', (event) => {
      if (event.tenantId === world.tenant.id) published.push(event.action);
    });
    const day = [
      world.event('ARRIVE', { deviceTime: world.minutesAgo(200) }),
      world.event('PAUSE', { deviceTime: world.minutesAgo(80) }),
      world.event('RESUME', { deviceTime: world.minutesAgo(65) }),
      world.event('LEAVE', { deviceTime: world.minutesAgo(5) }),
    ];
    const states: string[] = [];
    for (const event of day) {
      const response = await world.send(event);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().outcome).toBe('recorded');
      states.push(response.json().state.status);
    }
    stop();
    expect(states).toEqual(['WORKING', 'ON_BREAK', 'WORKING', 'OFF']);
    expect(published).toEqual(['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE']);

    const [session] = await db().select().from(workSessions).where(eq(workSessions.agentId, world.agent.id));
    expect(session).toMatchObject({
      state: 'CLOSED',
      workedSeconds: (120 + 60) * 60,
      breakSeconds: 15 * 60,
      breakCount: 1,
    });
    const outbox = await db()
      .select()
      .from(onssRegistrations)
      .where(eq(onssRegistrations.agentId, world.agent.id));
    expect(outbox.map((row) => [row.direction, row.status]).sort()).toEqual([
      ['IN', 'to_send'],
      ['IN', 'to_send'],
      ['OUT', 'to_send'],
      ['OUT', 'to_send'],
    ]);
    expect(outbox[0]!.payload).toMatchObject({
      niss: '85073003328',
      employer: { enterpriseNumber: '0777123418' },
      workDeclarationNumber: '1Y102M7NZF7PZ',
    });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.action, 'clock_event.recorded')));
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toContain('50.8275');
  });

  it('refuses a registration without a position, saying why', async () => {
    const world = await createClockWorld(subject.app);
    const { position: _omitted, ...withoutPosition } = world.event('ARRIVE');
    const response = await world.send(withoutPosition);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: 'position', message: expect.stringContaining('position') }),
    ]);
  });

  it('refuses each move the state machine does not allow, with its own code', async () => {
    const world = await createClockWorld(subject.app);
    expect((await world.send(world.event('PAUSE'))).json()).toMatchObject({
      status: 409,
      code: 'CLOCK_NOT_WORKING',
    });
    await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(30) }));
    expect((await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(20) }))).json().code).toBe(
      'CLOCK_ALREADY_WORKING',
    );
    expect((await world.send(world.event('RESUME', { deviceTime: world.minutesAgo(20) }))).json().code).toBe(
      'CLOCK_NOT_ON_BREAK',
    );
    expect((await world.send(world.event('LEAVE', { deviceTime: world.minutesAgo(40) }))).json().code).toBe(
      'CLOCK_OUT_OF_ORDER',
    );
    await world.send(world.event('PAUSE', { deviceTime: world.minutesAgo(10) }));
    expect((await world.send(world.event('LEAVE', { deviceTime: world.minutesAgo(5) }))).json().code).toBe(
      'CLOCK_ON_BREAK',
    );
  });

  it('refuses a time more than 2 minutes ahead and one older than the company limit; flags late syncs', async () => {
    const world = await createClockWorld(subject.app, { tenantSettings: { maxEventAgeDays: 3 } });
    const ahead = (minutes: number) =>
      new Date(subject.app.ctx.now().getTime() + minutes * 60_000).toISOString();
    expect((await world.send(world.event('ARRIVE', { deviceTime: ahead(3) }))).json().code).toBe(
      'CLOCK_TIME_IN_FUTURE',
    );
    expect(
      (await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(4 * 24 * 60) }))).json().code,
    ).toBe('CLOCK_EVENT_TOO_OLD');
    const late = await world.send(
      world.event('ARRIVE', { deviceTime: world.minutesAgo(45), capturedOffline: true }),
    );
    expect(late.statusCode).toBe(201);
    expect(late.json().event).toMatchObject({ flags: ['LATE_SYNC'], capturedOffline: true });
    const slightlyAhead = await world.send(world.event('PAUSE', { deviceTime: ahead(1) }));
    expect(slightlyAhead.statusCode).toBe(201);
  });

  it('measures the distance to the site: inside, flagged outside, or refused when the company blocks it', async () => {
    const world = await createClockWorld(subject.app);
    const inside = await world.send(
      world.event('ARRIVE', {
        deviceTime: world.minutesAgo(10),
        position: { latitude: 50.8283, longitude: 4.3653, accuracyMeters: 20 },
      }),
    );
    expect(inside.json().event).toMatchObject({ insideGeofence: true, flags: [] });
    expect(inside.json().event.distanceMeters).toBeGreaterThan(80);
    const far = await world.send(
      world.event('PAUSE', { position: { latitude: 50.8466, longitude: 4.3528, accuracyMeters: 15 } }),
    );
    expect(far.statusCode).toBe(201);
    expect(far.json().event).toMatchObject({ insideGeofence: false, flags: ['OUTSIDE_GEOFENCE'] });

    const strict = await createClockWorld(subject.app, { tenantSettings: { blockOutsideGeofence: true } });
    const refused = await strict.send(
      strict.event('ARRIVE', { position: { latitude: 50.8466, longitude: 4.3528, accuracyMeters: 15 } }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'CLOCK_OUTSIDE_GEOFENCE', radiusMeters: 150 });
    expect(refused.json().distanceMeters).toBeGreaterThan(2000);
    const poor = await strict.send(
      strict.event('ARRIVE', { position: { latitude: 50.8275, longitude: 4.3653, accuracyMeters: 250 } }),
    );
    expect(poor.json().event.flags).toEqual(['POOR_ACCURACY']);
  });

  it('answers a replay with the stored result, once, and a reused id with other content as a conflict', async () => {
    const world = await createClockWorld(subject.app);
    const arrival = world.event('ARRIVE', { deviceTime: world.minutesAgo(10) });
    const first = await world.send(arrival);
    const replay = await world.send(arrival);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ outcome: 'already_recorded', code: 'ALREADY_RECORDED' });
    expect(replay.json().event).toEqual(first.json().event);
    const conflict = await world.send({ ...arrival, deviceTime: world.minutesAgo(9) });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('CLOCK_EVENT_CONFLICT');
    const rows = await db().select().from(clockEvents).where(eq(clockEvents.agentId, world.agent.id));
    expect(rows).toHaveLength(1);
  });

  it('applies a batch in device-time order with a result per item; bad items do not block the others', async () => {
    const world = await createClockWorld(subject.app);
    const arrive = world.event('ARRIVE', { deviceTime: world.minutesAgo(240), capturedOffline: true });
    const pause = world.event('PAUSE', { deviceTime: world.minutesAgo(180), capturedOffline: true });
    const resume = world.event('RESUME', { deviceTime: world.minutesAgo(170), capturedOffline: true });
    const leave = world.event('LEAVE', { deviceTime: world.minutesAgo(60), capturedOffline: true });
    const broken = { ...world.event('PAUSE'), id: 'not-a-uuid' };
    const impossible = world.event('RESUME', { deviceTime: world.minutesAgo(30) });
    const response = await world.sendBatch([leave, broken, resume, arrive, impossible, pause]);
    expect(response.statusCode).toBe(200);
    const results = response.json().results as { id: string; outcome: string; code?: string }[];
    expect(results.map((result) => [result.outcome, result.code ?? null])).toEqual([
      ['recorded', null],
      ['refused', 'VALIDATION_FAILED'],
      ['recorded', null],
      ['recorded', null],
      ['refused', 'CLOCK_NOT_WORKING'],
      ['recorded', null],
    ]);
    expect(results[1]!.id).toBe('not-a-uuid');
    expect(response.json().state.status).toBe('OFF');

    const again = await world.sendBatch([arrive, pause, resume, leave]);
    expect(again.json().results.map((result: { outcome: string }) => result.outcome)).toEqual(
      Array(4).fill('already_recorded'),
    );
    expect(await db().select().from(clockEvents).where(eq(clockEvents.agentId, world.agent.id))).toHaveLength(
      4,
    );
  });

  it('refuses more than 500 events in one sync', async () => {
    const world = await createClockWorld(subject.app);
    const response = await world.sendBatch(Array.from({ length: 501 }, () => world.event('ARRIVE')));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'events' });
  });

  it('serialises concurrent registrations of one agent: one arrival wins, the others are refused', async () => {
    const world = await createClockWorld(subject.app);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(1) }))),
    );
    const codes = responses
      .map((response) => (response.statusCode === 201 ? 'recorded' : response.json().code))
      .sort();
    expect(codes).toEqual([...Array(7).fill('CLOCK_ALREADY_WORKING'), 'recorded']);
    const open = await db()
      .select()
      .from(workSessions)
      .where(and(eq(workSessions.agentId, world.agent.id)));
    expect(open).toHaveLength(1);
  });

  it('refuses a task the agent is not linked to, or another company’s task, as not found', async () => {
    const world = await createClockWorld(subject.app);
    const other = await createClockWorld(subject.app);
    const response = await world.send(world.event('ARRIVE', { taskId: other.task.id }));
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('TASK_NOT_FOUND');
    expect(response.body).not.toContain(other.tenant.code);
    expect((await world.send(world.event('ARRIVE', { taskId: randomUUID() }))).json().code).toBe(
      'TASK_NOT_FOUND',
    );
  });

  it('sends the real employer and says why an In/Out is not for ONSS', async () => {
    const subcontracted = await createClockWorld(subject.app, { subcontracted: true });
    await subcontracted.send(subcontracted.event('ARRIVE'));
    const [sent] = await db()
      .select()
      .from(onssRegistrations)
      .where(eq(onssRegistrations.agentId, subcontracted.agent.id));
    expect(sent!.payload).toMatchObject({ employer: { enterpriseNumber: '0777234571' } });

    const notSubject = await createClockWorld(subject.app, { subjectToOnss: false });
    const response = await notSubject.send(notSubject.event('ARRIVE'));
    expect(response.json().event.onssStatus).toBe('not_applicable');
    const [row] = await db()
      .select()
      .from(onssRegistrations)
      .where(eq(onssRegistrations.agentId, notSubject.agent.id));
    expect(row).toMatchObject({ status: 'not_applicable', notApplicableReason: 'SITE_NOT_SUBJECT' });

    const unconnected = await createClockWorld(subject.app, { onssConnection: false });
    await unconnected.send(unconnected.event('ARRIVE'));
    const [pending] = await db()
      .select()
      .from(onssRegistrations)
      .where(eq(onssRegistrations.agentId, unconnected.agent.id));
    expect(pending!.notApplicableReason).toBe('NO_ONSS_CONNECTION');
  });

  it('lists my tasks of today with their state and allowed buttons, hiding inactive ones', async () => {
    const world = await createClockWorld(subject.app);
    const before = await world.get('/api/agent/v1/tasks');
    expect(before.statusCode).toBe(200);
    expect(before.json().tasks).toEqual([
      expect.objectContaining({
        id: world.task.id,
        state: 'not_started',
        allowedActions: ['ARRIVE'],
        site: expect.objectContaining({ address: 'Avenue Louise 231, 1050 Ixelles' }),
      }),
    ]);
    expect(before.json().tasks[0].plannedToday).toHaveLength(1);
    await world.send(world.event('ARRIVE'));
    await subject.app.ctx.db.update(tasks).set({ active: false }).where(eq(tasks.id, world.task.id));
    const working = await world.get('/api/agent/v1/tasks');
    expect(working.json().tasks).toEqual([
      expect.objectContaining({ state: 'working', allowedActions: ['PAUSE', 'LEAVE'] }),
    ]);
    await world.send(world.event('LEAVE'));
    expect((await world.get('/api/agent/v1/tasks')).json().tasks).toEqual([]);
    const state = await world.get('/api/agent/v1/state');
    expect(state.json()).toMatchObject({ status: 'OFF', taskId: null });
    const history = await world.get('/api/agent/v1/clock-events?days=7');
    expect(
      history
        .json()
        .events.map((event: { action: string; onssStatus: string }) => [event.action, event.onssStatus]),
    ).toEqual([
      ['LEAVE', 'to_send'],
      ['ARRIVE', 'to_send'],
    ]);
  });

  it('refuses the app to an agent past the end date of its contract, the same day', async () => {
    const world = await createClockWorld(subject.app);
    expect((await world.get('/api/agent/v1/state')).statusCode).toBe(200);
    const yesterday = new Date(subject.app.ctx.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    await subject.app.ctx.db
      .update(agents)
      .set({ activeUntil: yesterday })
      .where(eq(agents.id, world.agent.id));
    const refused = await world.get('/api/agent/v1/state');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('AGENT_INACTIVE');
  });

  it('answers an id sent twice in one sync once, and reports a colleague’s id on its item only', async () => {
    const world = await createClockWorld(subject.app);
    const arrive = world.event('ARRIVE', { deviceTime: world.minutesAgo(50) });
    const twice = await world.sendBatch([arrive, arrive]);
    expect(twice.json().results.map((result: { outcome: string }) => result.outcome)).toEqual([
      'recorded',
      'already_recorded',
    ]);

    const colleague = await createAppAgent(db(), world.tenant.id);
    const foreignId = randomUUID();
    await db()
      .insert(clockEvents)
      .values({
        tenantId: world.tenant.id,
        id: foreignId,
        agentId: colleague.id,
        taskId: world.task.id,
        siteId: world.site.id,
        action: 'ARRIVE',
        direction: 'IN',
        deviceTime: new Date(world.minutesAgo(40)),
        latitude: 50.8275,
        longitude: 4.3653,
        accuracyMeters: 5,
        contentHash: 'colleague',
      });
    const pause = world.event('PAUSE', { deviceTime: world.minutesAgo(30) });
    const reused = { ...world.event('RESUME', { deviceTime: world.minutesAgo(20) }), id: foreignId };
    const mixed = await world.sendBatch([pause, reused]);
    expect(
      mixed
        .json()
        .results.map((result: { outcome: string; code?: string }) => [result.outcome, result.code ?? null]),
    ).toEqual([
      ['recorded', null],
      ['refused', 'CLOCK_EVENT_CONFLICT'],
    ]);
    expect(mixed.json().state.status).toBe('ON_BREAK');
  });
});
