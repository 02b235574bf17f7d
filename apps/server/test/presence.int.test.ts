import { localDate, nextDate, zonedInstant } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anomalies, taskAgents, tasks } from '../src/db/schema/index.js';
import { scanAnomalies } from '../src/features/anomalies/scan-anomalies.js';
import { PresenceHub } from '../src/features/presence/presence-hub.js';
import { streamSessionStillAllowed } from '../src/features/presence/stream-session-check.js';
import { sha256Hex } from '../src/security/tokens.js';
import { createClockWorld } from './support/clock-world.js';
import { createAgentToken, createAppAgent, webSessionFor } from './support/factories.js';
import { openEventStream, type EventStream } from './support/sse-client.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

const zone = 'Europe/Brussels';
type World = Awaited<ReturnType<typeof createClockWorld>>;

/** Another agent of the world's company, linked to `taskId`, signed in on the world's device. */
async function addAgent(subject: TestApp, world: World, taskId: string, firstName: string) {
  const db = subject.app.ctx.db;
  const agent = await createAppAgent(db, world.tenant.id, { firstName });
  await db.insert(taskAgents).values({ tenantId: world.tenant.id, taskId, agentId: agent.id });
  const { token } = await createAgentToken(db, {
    tenantId: world.tenant.id,
    agentId: agent.id,
    deviceId: world.device.id,
  });
  const send = (action: string, minutesAgo: number, overrides: Record<string, unknown> = {}) =>
    subject.app.inject({
      method: 'POST',
      url: '/api/agent/v1/clock-events',
      headers: { authorization: `Bearer ${token}` },
      payload: world.event(action, { taskId, deviceTime: world.minutesAgo(minutesAgo), ...overrides }),
    });
  return { agent, send };
}

async function addTask(subject: TestApp, world: World, name: string, start: string, end: string) {
  const schedule = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start, end }));
  const [task] = await subject.app.ctx.db
    .insert(tasks)
    .values({ tenantId: world.tenant.id, siteId: world.site.id, name, schedule })
    .returning();
  return task!;
}

describe('live presence board', () => {
  let subject: TestApp;
  let baseUrl: string;
  const streams: EventStream[] = [];

  beforeAll(async () => {
    subject = await createTestApp();
    // Tomorrow 06:40 in Brussels: the world's task is planned every day 06:00–09:00.
    const now = subject.clock.now();
    const at = zonedInstant(nextDate(localDate(now, zone)), '06:40', zone);
    subject.clock.advance(at.getTime() - now.getTime());
    baseUrl = await subject.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    await subject.close();
  });

  const read = async (session: WebSession, url = '/api/presence') => {
    const answer = await asUser(subject.app, session, { method: 'GET', url });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json();
  };
  const stream = async (session: WebSession) => {
    const opened = await openEventStream(`${baseUrl}/api/presence/stream`, { cookie: session.cookie });
    streams.push(opened);
    await opened.next((event) => event.event === 'ready');
    return opened;
  };

  it('shows who works, who is on break since when, and who is planned but has not arrived, as the no-show rule sees it', async () => {
    const world = await createClockWorld(subject.app);
    expect((await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(5) }))).statusCode).toBe(
      201,
    );
    const pausing = await addAgent(subject, world, world.task.id, 'Bruno');
    expect((await pausing.send('ARRIVE', 20)).statusCode).toBe(201);
    expect((await pausing.send('PAUSE', 10)).statusCode).toBe(201);
    const absent = await addAgent(subject, world, world.task.id, 'Chloé');
    const later = await addTask(subject, world, 'Offices', '08:00', '10:00');
    const upcoming = await addAgent(subject, world, later.id, 'Daan');
    const justStarted = await addTask(subject, world, 'Lobby', '06:25', '07:30');
    const awaited = await addAgent(subject, world, justStarted.id, 'Emma');
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    // Linked this morning (the test's clock), not at the real time the rows were written: run
    // between midnight and 06:00 in Brussels, the real time came before the previous day's slot,
    // and the no-show rule rightly counted every agent absent on that day too.
    await subject.app.ctx.db
      .update(taskAgents)
      .set({ createdAt: new Date(subject.clock.now().getTime() - 60 * 60_000) })
      .where(eq(taskAgents.tenantId, world.tenant.id));

    const snapshot = await read(session);
    expect(snapshot).toMatchObject({
      asOf: subject.clock.now().toISOString(),
      date: localDate(subject.clock.now(), zone),
      timeZone: zone,
    });
    const place = {
      site: { id: world.site.id, name: 'Louise 231' },
      client: expect.objectContaining({ name: 'Immo Louise' }),
    };
    expect(snapshot.present).toEqual([
      expect.objectContaining({
        agent: expect.objectContaining({ id: pausing.agent.id, firstName: 'Bruno' }),
        state: 'on_break',
        since: world.minutesAgo(10),
        arrivedAt: world.minutesAgo(20),
        ...place,
      }),
      expect.objectContaining({
        agent: {
          id: world.agent.id,
          identifier: world.agent.identifier,
          firstName: 'Fatima',
          lastName: 'El Amrani',
        },
        task: { id: world.task.id, name: 'Morning cleaning' },
        state: 'working',
        since: world.minutesAgo(5),
        ...place,
      }),
    ]);
    const expected = snapshot.expected.map((row: { agent: { id: string }; status: string }) => [
      row.agent.id,
      row.status,
    ]);
    expect(expected).toEqual([
      [absent.agent.id, 'no_show'],
      [awaited.agent.id, 'awaited'],
      [upcoming.agent.id, 'upcoming'],
    ]);
    expect(snapshot.expected[0]).toMatchObject({
      task: { id: world.task.id },
      plannedStart: zonedInstant(snapshot.date, '06:00', zone).toISOString(),
      plannedEnd: zonedInstant(snapshot.date, '09:00', zone).toISOString(),
      ...place,
    });

    // The anomaly scan reports as no-shows exactly those the board shows as such.
    await scanAnomalies(subject.app.ctx, subject.clock.now());
    const noShows = await subject.app.ctx.db
      .select({ agentId: anomalies.agentId })
      .from(anomalies)
      .where(and(eq(anomalies.tenantId, world.tenant.id), eq(anomalies.type, 'NO_SHOW')));
    expect(noShows.map((row) => row.agentId)).toEqual([absent.agent.id]);

    // Arriving takes the agent from "planned" to "present".
    expect((await absent.send('ARRIVE', 0)).statusCode).toBe(201);
    const after = await read(session);
    expect(after.present.map((row: { agent: { id: string } }) => row.agent.id)).toContain(absent.agent.id);
    expect(after.expected.map((row: { agent: { id: string } }) => row.agent.id)).not.toContain(
      absent.agent.id,
    );
  });

  it("pushes each change to the company's streams within a second, and never to another company's", async () => {
    const ours = await createClockWorld(subject.app);
    const theirs = await createClockWorld(subject.app);
    const mine = await stream((await webSessionFor(subject.app, ours.tenant.id, 'INSPECTOR')).session);
    const foreign = await stream((await webSessionFor(subject.app, theirs.tenant.id, 'ADMIN')).session);
    expect(mine.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(mine.response.headers['x-accel-buffering']).toBe('no');
    expect(mine.seen.retry).toBeGreaterThan(0);
    expect(subject.app.liveBoard.connectedClients()).toBeGreaterThanOrEqual(2);

    const sentAt = performance.now();
    const arrival = ours.event('ARRIVE', { deviceTime: ours.minutesAgo(1) });
    expect((await ours.send(arrival)).statusCode).toBe(201);
    const pushed = await mine.next((event) => event.event === 'presence', 1000);
    expect(pushed.receivedAt - sentAt).toBeLessThan(1000);
    expect(JSON.parse(pushed.data)).toEqual({
      kind: 'clock_event',
      agentId: ours.agent.id,
      siteId: ours.site.id,
      taskId: ours.task.id,
      state: 'WORKING',
      at: arrival.deviceTime,
    });

    // Their own change reaches them; ours never did.
    const marker = foreign.events.length;
    expect((await theirs.send(theirs.event('ARRIVE', { deviceTime: theirs.minutesAgo(1) }))).statusCode).toBe(
      201,
    );
    const theirsPushed = await foreign.next((event) => event.event === 'presence', 1000, marker);
    expect(JSON.parse(theirsPushed.data).agentId).toBe(theirs.agent.id);
    const foreignAgents = foreign.events
      .filter((event) => event.event === 'presence')
      .map((event) => JSON.parse(event.data).agentId);
    expect(foreignAgents).not.toContain(ours.agent.id);

    // A manager's correction closing the open session updates the board too.
    const { session: manager } = await webSessionFor(subject.app, ours.tenant.id, 'ADMIN_MANAGER');
    const board = await read(manager);
    const workSessionId = board.present[0].workSessionId;
    const from = mine.events.length;
    const corrected = await asUser(subject.app, manager, {
      method: 'POST',
      url: `/api/work-sessions/${workSessionId}/corrections`,
      payload: { endedAt: subject.clock.now().toISOString(), reason: 'Left without registering' },
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const correction = await mine.next((event) => event.event === 'presence', 1000, from);
    expect(JSON.parse(correction.data)).toMatchObject({
      kind: 'correction',
      agentId: ours.agent.id,
      state: 'OFF',
    });
    expect((await read(manager)).present).toEqual([]);
  });

  it('opens the board and its stream only to roles that read registrations', async () => {
    const world = await createClockWorld(subject.app);
    const { session: none } = await webSessionFor(subject.app, world.tenant.id, 'NONE');
    for (const url of ['/api/presence', '/api/presence/stream']) {
      const refused = await asUser(subject.app, none, { method: 'GET', url });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      const anonymous = await subject.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
    }
    const { session: inspector } = await webSessionFor(subject.app, world.tenant.id, 'INSPECTOR');
    const probe = await asUser(subject.app, inspector, {
      method: 'GET',
      url: '/api/presence/stream?probe=true',
    });
    expect(probe.statusCode).toBe(200);
    expect(probe.body).toContain('event: ready');
  });
});

describe('live presence streams when the server stops', () => {
  it('ends every open stream so that closing does not wait for them, and counts them until then', async () => {
    const subject = await createTestApp();
    const baseUrl = await subject.app.listen({ port: 0, host: '127.0.0.1' });
    const { session } = await webSessionFor(
      subject.app,
      (await createClockWorld(subject.app)).tenant.id,
      'ADMIN',
    );
    const opened = await Promise.all(
      [1, 2, 3].map(() => openEventStream(`${baseUrl}/api/presence/stream`, { cookie: session.cookie })),
    );
    await Promise.all(opened.map((stream) => stream.next((event) => event.event === 'ready')));
    expect(subject.app.liveBoard.connectedClients()).toBe(3);
    await opened[0]!.close();
    for (let tries = 0; tries < 50 && subject.app.liveBoard.connectedClients() !== 2; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(subject.app.liveBoard.connectedClients()).toBe(2);

    const startedAt = performance.now();
    await subject.app.close();
    expect(performance.now() - startedAt).toBeLessThan(1000);
    await subject.close();
    await Promise.all(opened.slice(1).map((stream) => stream.finished));
    expect(opened.every((stream) => stream.ended)).toBe(true);
  });
});

describe('a live presence stream that stays open', () => {
  it('sends heartbeats, and ends with `signed-out` once its session is signed out', async () => {
    const subject = await createTestApp();
    const world = await createClockWorld(subject.app);
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    const sessionIdHash = sha256Hex(/ciao_session=([^;]+)/.exec(session.cookie)![1]!);
    // The app's hub beats every 15 s and checks sessions every minute: this one, quicker.
    const hub = new PresenceHub({
      events: subject.app.ctx.events,
      heartbeatMs: 20,
      recheckMs: 40,
      stillAllowed: (client) => streamSessionStillAllowed(subject.app.ctx, client.sessionIdHash),
    });
    const server = http.createServer((_request, response) =>
      hub.open({ tenantId: world.tenant.id, sessionIdHash, response }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const stream = await openEventStream(`http://127.0.0.1:${port}/`, {});
      await stream.next((event) => event.event === 'ready');
      for (let tries = 0; tries < 100 && stream.seen.comments < 3; tries += 1)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(stream.seen.comments).toBeGreaterThanOrEqual(3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stream.ended).toBe(false);

      const signedOut = await asUser(subject.app, session, { method: 'POST', url: '/api/auth/sign-out' });
      expect(signedOut.statusCode).toBeLessThan(300);
      await stream.next((event) => event.event === 'signed-out', 2000);
      await stream.finished;
      expect(hub.connectedClients).toBe(0);
    } finally {
      hub.close();
      await new Promise((resolve) => server.close(resolve));
      await subject.close();
    }
  });
});
