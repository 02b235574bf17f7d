import { randomUUID } from 'node:crypto';
import type { Role } from '@ciao/domain';
import { localDate, localTime, localWeekday } from '@ciao/domain';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  agents,
  anomalies,
  auditLog,
  clients,
  clockEvents,
  onssRegistrations,
  sites,
  taskAgents,
  tasks,
  workSessions,
} from '../src/db/schema/index.js';
import type { ScheduleSlot } from '../src/db/schema/places.js';
import { insertAnomalies } from '../src/features/anomalies/anomaly-repository.js';
import { scanAnomalies } from '../src/features/anomalies/scan-anomalies.js';
import { openWebSession } from '../src/features/auth/sign-in-web-user.js';
import { startAnomalyScheduler } from '../src/jobs/anomaly-scheduler.js';
import { createClockWorld } from './support/clock-world.js';
import { createTenant, createWebUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

const MINUTE = 60_000;
const brussels = 'Europe/Brussels';

/** A weekly slot starting `offsetMinutes` from `from` (Brussels wall clock), lasting `minutes`. */
function slotFrom(from: Date, offsetMinutes: number, minutes: number): ScheduleSlot {
  const start = new Date(from.getTime() + offsetMinutes * MINUTE);
  const end = new Date(start.getTime() + minutes * MINUTE);
  return {
    weekday: localWeekday(start, brussels) as ScheduleSlot['weekday'],
    start: localTime(start, brussels),
    end: localTime(end, brussels),
  };
}

describe('anomalies', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const db = () => subject.app.ctx.db;
  const now = () => subject.app.ctx.now();
  const advance = (minutes: number) => subject.clock.advance(minutes * MINUTE);
  const scan = () => scanAnomalies(subject.app.ctx, subject.app.ctx.now());
  const anomaliesOf = (tenantId: string, type?: string) =>
    db()
      .select()
      .from(anomalies)
      .where(and(eq(anomalies.tenantId, tenantId), type ? eq(anomalies.type, type) : undefined))
      .orderBy(asc(anomalies.openedAt), asc(anomalies.type));
  const registered = async (world: Awaited<ReturnType<typeof createClockWorld>>, body: unknown) => {
    const response = await world.send(body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  async function sessionOf(tenantId: string, role: Role): Promise<{ session: WebSession; userId: string }> {
    const user = await createWebUser(db(), tenantId, { role, login: `${role.toLowerCase()}-${Date.now()}` });
    const opened = await openWebSession(subject.app.ctx, {
      tenantId,
      userId: user.id,
      secondFactorPending: false,
      ip: '127.0.0.1',
      userAgent: 'anomalies-test',
    });
    return {
      userId: user.id,
      session: {
        cookie: `ciao_session=${opened.sessionToken}; ciao_csrf=${opened.csrfToken}`,
        csrfToken: opened.csrfToken,
      },
    };
  }

  it('opens OUTSIDE_GEOFENCE, POOR_ACCURACY and LATE_SYNC with the registration, once, without the position', async () => {
    const world = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    const event = world.event('ARRIVE', {
      deviceTime: world.minutesAgo(45),
      position: { latitude: 50.85, longitude: 4.35, accuracyMeters: 150 },
      capturedOffline: true,
    });
    await registered(world, event);
    expect((await world.send(event)).json().outcome).toBe('already_recorded');
    await scan();
    await scan();
    const found = await anomaliesOf(world.tenant.id);
    expect(found.map((row) => row.type).sort()).toEqual(['LATE_SYNC', 'OUTSIDE_GEOFENCE', 'POOR_ACCURACY']);
    for (const row of found) {
      expect(row).toMatchObject({
        status: 'open',
        agentId: world.agent.id,
        taskId: world.task.id,
        siteId: world.site.id,
        clockEventId: event.id,
        dedupeKey: `${row.type}:${event.id}`,
      });
      expect(row.workSessionId).toBeTruthy();
    }
    const byType = Object.fromEntries(found.map((row) => [row.type, row.details]));
    expect(byType.OUTSIDE_GEOFENCE).toMatchObject({ radiusMeters: 150, accuracyMeters: 150 });
    expect(byType.OUTSIDE_GEOFENCE!.distanceMeters).toBeGreaterThan(2000);
    expect(byType.POOR_ACCURACY).toEqual({ accuracyMeters: 150 });
    expect(byType.LATE_SYNC).toEqual({ minutesLate: 45 });
    expect(JSON.stringify(found)).not.toMatch(/50\.85|4\.35|latitude|longitude/);
  });

  it('opens a missed departure the grace after the planned end, once, and closes it at the departure', async () => {
    const world = await createClockWorld(subject.app, {
      schedule: [slotFrom(now(), 0, 60)],
      onssConnection: false,
    });
    await registered(world, world.event('ARRIVE'));
    advance(60 + 59);
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'MISSED_DEPARTURE')).toEqual([]);
    advance(2);
    await scan();
    await scan();
    const [missed, ...others] = await anomaliesOf(world.tenant.id, 'MISSED_DEPARTURE');
    expect(others).toEqual([]);
    expect(missed).toMatchObject({ status: 'open', agentId: world.agent.id, resolvedAutomatically: false });
    expect(missed!.details).toMatchObject({ reason: 'planned_end', graceMinutes: 60 });

    await registered(world, world.event('LEAVE'));
    advance(1);
    await scan();
    const [closed] = await anomaliesOf(world.tenant.id, 'MISSED_DEPARTURE');
    expect(closed).toMatchObject({ status: 'resolved', resolvedAutomatically: true, resolvedByUserId: null });
    expect(closed!.resolvedAt).toEqual(now());
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.entityId, closed!.id)));
    expect(audit).toMatchObject([{ action: 'anomaly.resolved_automatically', actorType: 'system' }]);
  });

  it('follows the company thresholds: the longest session and the longest break', async () => {
    const world = await createClockWorld(subject.app, {
      schedule: [],
      onssConnection: false,
      tenantSettings: { anomalyThresholds: { maxSessionHours: 1, breakMaxMinutes: 20 } },
    });
    await registered(world, world.event('ARRIVE'));
    advance(30);
    await registered(world, world.event('PAUSE'));
    advance(21);
    await scan();
    expect((await anomaliesOf(world.tenant.id)).map((row) => row.type)).toEqual(['BREAK_TOO_LONG']);
    advance(10);
    await scan();
    const missed = await anomaliesOf(world.tenant.id, 'MISSED_DEPARTURE');
    expect(missed).toHaveLength(1);
    expect(missed[0]!.details).toMatchObject({
      reason: 'max_duration',
      maxSessionHours: 1,
      plannedEnd: null,
    });
  });

  it('opens a break too long while it runs and keeps it after the resume; finds one in a late sync too', async () => {
    const world = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    await registered(world, world.event('ARRIVE'));
    advance(10);
    const pause = world.event('PAUSE');
    await registered(world, pause);
    advance(60);
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'BREAK_TOO_LONG')).toEqual([]);
    advance(1);
    await scan();
    await scan();
    const [long, ...others] = await anomaliesOf(world.tenant.id, 'BREAK_TOO_LONG');
    expect(others).toEqual([]);
    expect(long).toMatchObject({ status: 'open', clockEventId: pause.id });
    expect(long!.details).toMatchObject({ breakMinutes: 61, breakEndedAt: null, breakMaxMinutes: 60 });
    await registered(world, world.event('RESUME'));
    await registered(world, world.event('LEAVE'));
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'BREAK_TOO_LONG')).toMatchObject([
      { id: long!.id, status: 'open' },
    ]);

    // A day synced late: the 90-minute break is only seen once the phone is back online.
    const offline = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    const late = [
      offline.event('ARRIVE', { deviceTime: offline.minutesAgo(300), capturedOffline: true }),
      offline.event('PAUSE', { deviceTime: offline.minutesAgo(200), capturedOffline: true }),
      offline.event('RESUME', { deviceTime: offline.minutesAgo(110), capturedOffline: true }),
      offline.event('LEAVE', { deviceTime: offline.minutesAgo(20), capturedOffline: true }),
    ];
    expect((await offline.sendBatch(late)).statusCode).toBe(200);
    await scan();
    const [synced] = await anomaliesOf(offline.tenant.id, 'BREAK_TOO_LONG');
    expect(synced).toMatchObject({ clockEventId: late[1]!.id });
    expect(synced!.details).toMatchObject({ breakMinutes: 90, breakEndedAt: offline.minutesAgo(110) });
  });

  it('opens "no break after 6 h" on open and closed sessions; a break under 15 minutes does not count', async () => {
    const world = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    await registered(world, world.event('ARRIVE'));
    advance(240);
    await registered(world, world.event('PAUSE'));
    advance(10);
    await registered(world, world.event('RESUME'));
    advance(120);
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'NO_BREAK_AFTER_6H')).toEqual([]);
    advance(1);
    await scan();
    await registered(world, world.event('LEAVE'));
    await scan();
    const found = await anomaliesOf(world.tenant.id, 'NO_BREAK_AFTER_6H');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: 'open' });
    expect(found[0]!.details).toMatchObject({ longestWorkMinutes: 361, minimumBreakMinutes: 15 });

    // Closed sessions of the last day: 7 h straight is reported, 4 h + 15 min + 3 h 45 is not.
    const straight = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    const withBreak = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    await straight.sendBatch([
      straight.event('ARRIVE', { deviceTime: straight.minutesAgo(440) }),
      straight.event('LEAVE', { deviceTime: straight.minutesAgo(20) }),
    ]);
    await withBreak.sendBatch([
      withBreak.event('ARRIVE', { deviceTime: withBreak.minutesAgo(500) }),
      withBreak.event('PAUSE', { deviceTime: withBreak.minutesAgo(260) }),
      withBreak.event('RESUME', { deviceTime: withBreak.minutesAgo(245) }),
      withBreak.event('LEAVE', { deviceTime: withBreak.minutesAgo(20) }),
    ]);
    await scan();
    expect(await anomaliesOf(straight.tenant.id, 'NO_BREAK_AFTER_6H')).toHaveLength(1);
    expect(await anomaliesOf(withBreak.tenant.id, 'NO_BREAK_AFTER_6H')).toEqual([]);
  });

  it('opens a no-show the grace after the planned start, once, and closes it when the agent arrives', async () => {
    const world = await createClockWorld(subject.app, {
      schedule: [slotFrom(now(), 10, 180)],
      onssConnection: false,
    });
    advance(10 + 28);
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'NO_SHOW')).toEqual([]);
    advance(2);
    await scan();
    await scan();
    const [noShow, ...others] = await anomaliesOf(world.tenant.id, 'NO_SHOW');
    expect(others).toEqual([]);
    const periodStart = String(noShow!.details.periodStart);
    expect(noShow).toMatchObject({
      status: 'open',
      agentId: world.agent.id,
      taskId: world.task.id,
      siteId: world.site.id,
      dedupeKey: `NO_SHOW:${world.task.id}:${world.agent.id}:${periodStart}`,
    });
    expect(new Date(periodStart).getTime()).toBeLessThanOrEqual(now().getTime() - 30 * MINUTE);

    await registered(world, world.event('ARRIVE'));
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'NO_SHOW')).toMatchObject([
      { id: noShow!.id, status: 'resolved', resolvedAutomatically: true },
    ]);
  });

  it('reports a night shift that started yesterday, and nobody for a period planned before the link', async () => {
    // Wait for the next 22:00 in Brussels, then look at 00:45: the shift started "yesterday".
    let next22 = new Date(Math.ceil(now().getTime() / MINUTE) * MINUTE + MINUTE);
    while (localTime(next22, brussels) !== '22:00') next22 = new Date(next22.getTime() + MINUTE);
    const night = {
      weekday: localWeekday(next22, brussels) as ScheduleSlot['weekday'],
      start: '22:00',
      end: '06:00',
    };
    const world = await createClockWorld(subject.app, { schedule: [night] });
    const alreadyPlanned = await createClockWorld(subject.app, { schedule: [slotFrom(now(), -60, 180)] });
    await db()
      .update(taskAgents)
      .set({ createdAt: now() })
      .where(eq(taskAgents.taskId, alreadyPlanned.task.id));
    advance((next22.getTime() - now().getTime()) / MINUTE + 165);
    expect(localTime(now(), brussels)).toBe('00:45');
    await scan();
    const [noShow] = await anomaliesOf(world.tenant.id, 'NO_SHOW');
    expect(noShow!.details).toMatchObject({ periodStart: next22.toISOString() });
    expect(await anomaliesOf(alreadyPlanned.tenant.id, 'NO_SHOW')).toEqual([]);
  });

  it('opens "ONSS not confirmed" after the delay and closes it when ONSS validates; same for a refusal', async () => {
    const world = await createClockWorld(subject.app, { schedule: [] });
    const arrive = world.event('ARRIVE');
    await registered(world, arrive);
    advance(5);
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'ONSS_NOT_CONFIRMED')).toEqual([]);
    subject.clock.advance(1000);
    await scan();
    await scan();
    const [pending, ...others] = await anomaliesOf(world.tenant.id, 'ONSS_NOT_CONFIRMED');
    expect(others).toEqual([]);
    const [registration] = await db()
      .select()
      .from(onssRegistrations)
      .where(
        and(eq(onssRegistrations.tenantId, world.tenant.id), eq(onssRegistrations.clockEventId, arrive.id)),
      );
    expect(pending).toMatchObject({
      status: 'open',
      onssRegistrationId: registration!.id,
      clockEventId: arrive.id,
      taskId: world.task.id,
      dedupeKey: `ONSS_NOT_CONFIRMED:${registration!.id}`,
    });
    expect(pending!.details).toMatchObject({
      onssStatus: 'to_send',
      direction: 'IN',
      confirmationMinutes: 5,
    });

    await db()
      .update(onssRegistrations)
      .set({ status: 'validated' })
      .where(eq(onssRegistrations.id, registration!.id));
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'ONSS_NOT_CONFIRMED')).toMatchObject([
      { status: 'resolved', resolvedAutomatically: true },
    ]);

    await db()
      .update(onssRegistrations)
      .set({ status: 'refused' })
      .where(eq(onssRegistrations.id, registration!.id));
    await scan();
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'ONSS_REFUSED')).toMatchObject([{ status: 'open' }]);
    // Resent and accepted: the refusal is gone.
    await db()
      .update(onssRegistrations)
      .set({ status: 'validated' })
      .where(eq(onssRegistrations.id, registration!.id));
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'ONSS_REFUSED')).toMatchObject([
      { status: 'resolved', resolvedAutomatically: true },
    ]);
  });

  it('lets a manager acknowledge and resolve with comments, audited; a resolved cause is not reopened', async () => {
    const world = await createClockWorld(subject.app, {
      schedule: [],
      onssConnection: false,
      tenantSettings: { anomalyThresholds: { maxSessionHours: 1 } },
    });
    await registered(world, world.event('ARRIVE'));
    advance(61);
    await scan();
    const [missed] = await anomaliesOf(world.tenant.id, 'MISSED_DEPARTURE');
    const { session, userId } = await sessionOf(world.tenant.id, 'HR_MANAGER');
    const call = (url: string, payload?: object) =>
      asUser(subject.app, session, { method: 'POST', url: `/api/anomalies/${missed!.id}/${url}`, payload });

    const acknowledged = await call('acknowledge', { comment: 'Calling her' });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedByUserId: userId,
      comment: 'Calling her',
      agent: { id: world.agent.id, name: 'Fatima El Amrani' },
      task: { id: world.task.id, name: 'Morning cleaning' },
    });
    const again = await call('acknowledge');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'acknowledged', comment: 'Calling her' });

    const noComment = await call('resolve', { comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    const resolved = await call('resolve', { comment: 'She forgot: departure corrected to 10:05' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolvedByUserId: userId,
      resolvedAutomatically: false,
      comment: 'She forgot: departure corrected to 10:05',
    });
    expect((await call('resolve', { comment: 'again' })).json()).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    expect((await call('acknowledge', {})).statusCode).toBe(409);

    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.entityId, missed!.id)))
      .orderBy(asc(auditLog.id));
    expect(audit).toMatchObject([
      {
        action: 'anomaly.acknowledged',
        actorId: userId,
        before: { status: 'open', comment: null },
        after: { status: 'acknowledged', comment: 'Calling her' },
      },
      {
        action: 'anomaly.resolved',
        actorId: userId,
        after: { status: 'resolved', comment: 'She forgot: departure corrected to 10:05' },
      },
    ]);

    // The session is still open, yet the resolved cause is not reopened.
    advance(5);
    await scan();
    expect(await anomaliesOf(world.tenant.id, 'MISSED_DEPARTURE')).toHaveLength(1);
  });

  it('lists with filters and pages, hides other companies, and lets the supervisor read but not resolve', async () => {
    const world = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    const other = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    await registered(
      world,
      world.event('ARRIVE', {
        deviceTime: world.minutesAgo(30),
        position: { latitude: 50.85, longitude: 4.35, accuracyMeters: 10 },
      }),
    );
    advance(1);
    await registered(
      world,
      world.event('PAUSE', { position: { latitude: 50.8275, longitude: 4.3653, accuracyMeters: 500 } }),
    );
    await registered(other, other.event('ARRIVE', { deviceTime: other.minutesAgo(30) }));
    const [otherAnomaly] = await anomaliesOf(other.tenant.id);

    const { session } = await sessionOf(world.tenant.id, 'SUPERVISOR');
    const get = (url: string) => asUser(subject.app, session, { method: 'GET', url });
    const all = (await get('/api/anomalies')).json();
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const types = all.items.map((item: { type: string }) => item.type);
    // Newest first: the pause's anomaly, then the arrival's two.
    expect(types[0]).toBe('POOR_ACCURACY');
    expect(types.slice(1).sort()).toEqual(['LATE_SYNC', 'OUTSIDE_GEOFENCE']);
    expect((await get('/api/anomalies?type=POOR_ACCURACY')).json().total).toBe(1);
    expect(
      (await get(`/api/anomalies?agentId=${world.agent.id}&siteId=${world.site.id}&status=open`)).json()
        .total,
    ).toBe(3);
    expect((await get(`/api/anomalies?agentId=${other.agent.id}`)).json().total).toBe(0);
    const from = encodeURIComponent(new Date(now().getTime() - 30_000).toISOString());
    expect((await get(`/api/anomalies?from=${from}`)).json().total).toBe(1);
    const page2 = (await get('/api/anomalies?pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await get('/api/anomalies?pageSize=201')).statusCode).toBe(400);
    expect((await get('/api/anomalies?status=closed')).statusCode).toBe(400);

    const mine = all.items[0].id as string;
    expect((await get(`/api/anomalies/${mine}`)).json()).toMatchObject({
      id: mine,
      site: { name: 'Louise 231' },
    });
    expect((await get(`/api/anomalies/${otherAnomaly!.id}`)).statusCode).toBe(404);
    const resolve = await asUser(subject.app, session, {
      method: 'POST',
      url: `/api/anomalies/${mine}/resolve`,
      payload: { comment: 'Seen' },
    });
    expect(resolve.statusCode).toBe(403);

    const manager = await sessionOf(world.tenant.id, 'ADMIN_MANAGER');
    const foreign = await asUser(subject.app, manager.session, {
      method: 'POST',
      url: `/api/anomalies/${otherAnomaly!.id}/resolve`,
      payload: { comment: 'Not mine' },
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(other.tenant.code);
  });

  it('keeps at most one unresolved anomaly per cause in the database itself', async () => {
    const world = await createClockWorld(subject.app, { schedule: [], onssConnection: false });
    const row = {
      tenantId: world.tenant.id,
      type: 'NO_SHOW',
      dedupeKey: `NO_SHOW:${world.task.id}:${world.agent.id}:${now().toISOString()}`,
      agentId: world.agent.id,
      details: {},
      openedAt: now(),
      updatedAt: now(),
    };
    expect(await insertAnomalies(db(), [row, row])).toBe(1);
    expect(await insertAnomalies(db(), [row])).toBe(0);
    await db()
      .update(anomalies)
      .set({ status: 'acknowledged' })
      .where(eq(anomalies.dedupeKey, row.dedupeKey));
    expect(await insertAnomalies(db(), [row])).toBe(0);
    await db().update(anomalies).set({ status: 'resolved' }).where(eq(anomalies.dedupeKey, row.dedupeKey));
    expect(await insertAnomalies(db(), [row])).toBe(1);
    expect(await anomaliesOf(world.tenant.id)).toHaveLength(2);
  });

  it('documents the anomaly routes in OpenAPI', async () => {
    const document = (await subject.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/anomalies',
        '/api/anomalies/{anomalyId}',
        '/api/anomalies/{anomalyId}/acknowledge',
        '/api/anomalies/{anomalyId}/resolve',
      ]),
    );
  });

  // Its speed is a benchmark's business (a timed test only measures how busy the machine is).
  it('scans a company of 3,000 agents: each anomaly opened once, nothing more on the next scan', async () => {
    const tenant = await createTenant(db());
    const at = now();
    const ago = (minutes: number) => new Date(at.getTime() - minutes * MINUTE);
    const [client] = await db()
      .insert(clients)
      .values({ tenantId: tenant.id, name: 'Big client' })
      .returning();
    const siteRows = await db()
      .insert(sites)
      .values(
        Array.from({ length: 30 }, (_, index) => ({
          tenantId: tenant.id,
          clientId: client!.id,
          name: `Site ${index}`,
          latitude: 50.8275,
          longitude: 4.3653,
        })),
      )
      .returning({ id: sites.id });
    const taskRows = await db()
      .insert(tasks)
      .values(
        Array.from({ length: 300 }, (_, index) => ({
          tenantId: tenant.id,
          siteId: siteRows[index % 30]!.id,
          name: `Task ${index}`,
          schedule: [slotFrom(at, -60 - (index % 30), 240)],
        })),
      )
      .returning({ id: tasks.id, siteId: tasks.siteId });
    const agentRows: { id: string }[] = [];
    for (let first = 0; first < 3000; first += 500) {
      agentRows.push(
        ...(await db()
          .insert(agents)
          .values(
            Array.from({ length: 500 }, (_, index) => ({
              tenantId: tenant.id,
              identifier: `BULK${first + index}`,
              firstName: 'Agent',
              lastName: String(first + index),
              mobileAccess: true,
            })),
          )
          .returning({ id: agents.id })),
      );
    }
    const taskOf = (index: number) => taskRows[index % 300]!;
    for (let first = 0; first < 3000; first += 500) {
      const part = agentRows.slice(first, first + 500);
      await db()
        .insert(taskAgents)
        .values(
          part.map((agent, index) => ({
            tenantId: tenant.id,
            agentId: agent.id,
            taskId: taskOf(first + index).id,
            createdAt: ago(24 * 60),
          })),
        );
    }
    // 1,000 agents at work for 7 hours without a break, 1,000 arrived on time, 1,000 absent.
    for (let first = 0; first < 2000; first += 500) {
      const started = first < 1000 ? ago(7 * 60) : ago(50);
      const sessionRows = await db()
        .insert(workSessions)
        .values(
          agentRows.slice(first, first + 500).map((agent, index) => ({
            tenantId: tenant.id,
            agentId: agent.id,
            taskId: taskOf(first + index).id,
            siteId: taskOf(first + index).siteId,
            workDate: localDate(started, brussels),
            state: 'WORKING',
            startedAt: started,
            lastEventAt: started,
            updatedAt: started,
          })),
        )
        .returning();
      await db()
        .insert(clockEvents)
        .values(
          sessionRows.map((session) => ({
            tenantId: tenant.id,
            id: randomUUID(),
            agentId: session.agentId,
            taskId: session.taskId,
            siteId: session.siteId,
            workSessionId: session.id,
            action: 'ARRIVE',
            direction: 'IN',
            deviceTime: started,
            latitude: 50.8275,
            longitude: 4.3653,
            accuracyMeters: 10,
            contentHash: randomUUID(),
          })),
        );
    }

    const first = await scan();
    const second = await scan();
    const opened = await anomaliesOf(tenant.id);
    expect(opened.filter((row) => row.type === 'NO_SHOW')).toHaveLength(1000);
    expect(opened.filter((row) => row.type === 'NO_BREAK_AFTER_6H')).toHaveLength(1000);
    expect(opened).toHaveLength(2000);
    expect(first.opened).toBe(2000);
    expect(second.opened).toBe(0);
  });
});

describe('the anomaly scheduler', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const quietLogger = () => {
    const errors: unknown[] = [];
    return {
      errors,
      logger: { info: () => {}, debug: () => {}, error: (...args: unknown[]) => errors.push(args) },
    };
  };

  it('runs again and again without overlapping, survives a failure, and stops cleanly', async () => {
    let calls = 0;
    let running = 0;
    let mostAtOnce = 0;
    const { errors, logger } = quietLogger();
    const stop = startAnomalyScheduler(subject.app.ctx, {
      intervalMs: 5,
      firstRunAfterMs: 0,
      logger,
      scan: async () => {
        calls += 1;
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(15);
        running -= 1;
        if (calls === 1) throw new Error('database hiccup');
        return { tenants: 0, opened: 0, resolved: 0 };
      },
    });
    while (calls < 4) await sleep(5);
    await stop();
    const callsAtStop = calls;
    expect(running).toBe(0);
    expect(mostAtOnce).toBe(1);
    expect(errors).toHaveLength(1);
    await sleep(40);
    expect(calls).toBe(callsAtStop);
  });

  it('runs the real scan', async () => {
    const world = await createClockWorld(subject.app, {
      schedule: [],
      onssConnection: false,
      tenantSettings: { anomalyThresholds: { maxSessionHours: 1 } },
    });
    await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(61) }));
    const { errors, logger } = quietLogger();
    const stop = startAnomalyScheduler(subject.app.ctx, { intervalMs: 10, firstRunAfterMs: 0, logger });
    const missed = () =>
      subject.app.ctx.db
        .select()
        .from(anomalies)
        .where(and(eq(anomalies.tenantId, world.tenant.id), eq(anomalies.type, 'MISSED_DEPARTURE')));
    for (let tries = 0; tries < 200 && (await missed()).length === 0; tries += 1) await sleep(10);
    await stop();
    expect(errors).toEqual([]);
    expect(await missed()).toHaveLength(1);
  });

  it.runIf(inject('databaseKind') === 'postgres')(
    'lets only one process scan at a time on PostgreSQL (advisory lock)',
    async () => {
      let running = 0;
      let mostAtOnce = 0;
      let calls = 0;
      const skipped: unknown[] = [];
      const scan = async () => {
        calls += 1;
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(30);
        running -= 1;
        return { tenants: 0, opened: 0, resolved: 0 };
      };
      const logger = { info: () => {}, error: () => {}, debug: (message: unknown) => skipped.push(message) };
      const stops = [1, 2].map(() =>
        startAnomalyScheduler(subject.app.ctx, { intervalMs: 1, firstRunAfterMs: 0, logger, scan }),
      );
      while (calls < 6 || skipped.length === 0) await sleep(5);
      await Promise.all(stops.map((stop) => stop()));
      expect(mostAtOnce).toBe(1);
    },
  );
});
