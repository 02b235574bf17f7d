import { localDate } from '@ciao/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agents,
  anomalies,
  clients,
  onssRegistrations,
  sites,
  tasks,
  workSessions,
} from '../src/db/schema/index.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

// Three ISO weeks around the spring change of clock (Sunday 29 March 2026, 02:00 → 03:00).
const period = 'from=2026-03-16&to=2026-04-05';
const weeks = ['2026-03-16', '2026-03-23', '2026-03-30'];

describe('analytics', () => {
  let subject: TestApp;
  let world: Awaited<ReturnType<typeof createClockWorld>>;
  let session: WebSession;
  let port: { clientId: string; siteId: string; agentId: string; agentName: string };

  beforeAll(async () => {
    subject = await createTestApp();
    const db = subject.app.ctx.db;
    // Planned: Mondays 06:00–09:00 for the world's agent on its site (client "Immo Louise").
    world = await createClockWorld(subject.app, { schedule: [{ weekday: 1, start: '06:00', end: '09:00' }] });
    const tenantId = world.tenant.id;
    const [client] = await db.insert(clients).values({ tenantId, name: 'Port d’Anvers' }).returning();
    const [site] = await db
      .insert(sites)
      .values({
        tenantId,
        clientId: client!.id,
        name: 'Kaai 12',
        street: 'Kaai',
        houseNumber: '12',
        postCode: '2000',
        municipality: 'Antwerpen',
        latitude: 51.23,
        longitude: 4.4,
        geofenceRadiusMeters: 150,
        subjectToOnss: true,
      })
      .returning();
    const [task] = await db
      .insert(tasks)
      .values({ tenantId, siteId: site!.id, name: 'Quay', schedule: [] })
      .returning();
    const [agent] = await db
      .insert(agents)
      .values({ tenantId, identifier: 'PORT1', firstName: 'Jan', lastName: 'Peeters', niss: '90010100107' })
      .returning();
    port = { clientId: client!.id, siteId: site!.id, agentId: agent!.id, agentName: 'Jan Peeters' };

    const sessionRow = (
      agentId: string,
      taskId: string,
      siteId: string,
      workDate: string,
      workedSeconds: number,
      corrected?: number,
    ) => ({
      tenantId,
      agentId,
      taskId,
      siteId,
      workDate,
      state: 'CLOSED',
      startedAt: new Date(`${workDate}T06:00:00Z`),
      endedAt: new Date(`${workDate}T06:00:00Z`),
      lastEventAt: new Date(`${workDate}T06:00:00Z`),
      workedSeconds,
      ...(corrected === undefined ? {} : { corrected: true, correctedWorkedSeconds: corrected }),
    });
    await db.insert(workSessions).values([
      sessionRow(world.agent.id, world.task.id, world.site.id, '2026-03-16', 3 * 3600),
      // Sunday of the DST week, 2 h registered, corrected to 1 h: the correction counts.
      sessionRow(world.agent.id, world.task.id, world.site.id, '2026-03-29', 2 * 3600, 3600),
      sessionRow(agent!.id, task!.id, site!.id, '2026-03-30', 4.5 * 3600),
      // The day after the period: not counted.
      sessionRow(agent!.id, task!.id, site!.id, '2026-04-06', 5 * 3600),
    ]);

    const registration = (
      siteId: string,
      time: string,
      status: string,
      registeredAfterMinutes?: number,
    ): typeof onssRegistrations.$inferInsert => ({
      tenantId,
      clockEventId: randomUUID(),
      agentId: siteId === world.site.id ? world.agent.id : agent!.id,
      siteId,
      direction: 'IN',
      registrationTime: new Date(time),
      payload: {},
      status,
      registeredAt:
        registeredAfterMinutes === undefined
          ? null
          : new Date(Date.parse(time) + registeredAfterMinutes * 60_000),
    });
    await db.insert(onssRegistrations).values([
      registration(world.site.id, '2026-03-17T08:00:00Z', 'refused'),
      registration(world.site.id, '2026-03-17T09:00:00Z', 'needs_attention'),
      registration(world.site.id, '2026-03-18T09:00:00Z', 'not_applicable'),
      // Sunday 23:30 in Brussels (UTC+2 since the night before): still the week of 23 March.
      registration(world.site.id, '2026-03-29T21:30:00Z', 'validated', 2),
      // Monday 00:30 in Brussels: the week of 30 March; accepted after 30 minutes, so late.
      registration(world.site.id, '2026-03-29T22:30:00Z', 'registered', 30),
      registration(site!.id, '2026-03-31T07:00:00Z', 'validated', 5),
    ]);

    const anomaly = (type: string, openedAt: string, siteId: string) => ({
      tenantId,
      type,
      status: 'resolved',
      dedupeKey: randomUUID(),
      siteId,
      openedAt: new Date(openedAt),
    });
    await db
      .insert(anomalies)
      .values([
        anomaly('NO_SHOW', '2026-03-29T21:30:00Z', world.site.id),
        anomaly('NO_SHOW', '2026-03-30T06:00:00Z', world.site.id),
        anomaly('LATE_SYNC', '2026-03-31T06:00:00Z', site!.id),
        anomaly('LATE_SYNC', '2026-04-06T06:00:00Z', site!.id),
      ]);
    ({ session } = await webSessionFor(subject.app, tenantId, 'INSPECTOR'));
  });
  afterAll(async () => {
    await subject.close();
  });

  const read = async (url: string, as: WebSession = session) => {
    const answer = await asUser(subject.app, as, { method: 'GET', url });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json();
  };

  it('sums hours per week and client, site or agent, corrections included', async () => {
    const byClient = await read(`/api/analytics/hours?${period}`);
    expect(byClient).toMatchObject({ groupBy: 'client', weeks, totals: [3 * 3600, 3600, 4.5 * 3600] });
    expect(byClient.groups).toEqual([
      {
        id: port.clientId,
        name: 'Port d’Anvers',
        others: false,
        totalSeconds: 4.5 * 3600,
        seconds: [0, 0, 4.5 * 3600],
      },
      {
        id: world.site.clientId,
        name: 'Immo Louise',
        others: false,
        totalSeconds: 4 * 3600,
        seconds: [3 * 3600, 3600, 0],
      },
    ]);
    const bySite = await read(`/api/analytics/hours?${period}&groupBy=site`);
    expect(bySite.groups.map((group: { name: string }) => group.name)).toEqual(['Kaai 12', 'Louise 231']);
    const byAgent = await read(
      `/api/analytics/hours?${period}&groupBy=agent&clientId=${world.site.clientId}`,
    );
    expect(byAgent.groups).toEqual([
      expect.objectContaining({ id: world.agent.id, name: 'Fatima El Amrani', seconds: [3 * 3600, 3600, 0] }),
    ]);
    const onOneSite = await read(`/api/analytics/hours?${period}&siteId=${port.siteId}&groupBy=agent`);
    expect(onOneSite.groups).toEqual([expect.objectContaining({ id: port.agentId, name: port.agentName })]);
  });

  it('puts planned time (the timesheets’ weekly slots) beside worked time, week by week', async () => {
    expect((await read(`/api/analytics/planned-vs-actual?${period}`)).weeks).toEqual([
      { week: '2026-03-16', plannedSeconds: 3 * 3600, workedSeconds: 3 * 3600 },
      { week: '2026-03-23', plannedSeconds: 3 * 3600, workedSeconds: 3600 },
      { week: '2026-03-30', plannedSeconds: 3 * 3600, workedSeconds: 4.5 * 3600 },
    ]);
    // The port's client plans nothing.
    expect(
      (await read(`/api/analytics/planned-vs-actual?${period}&clientId=${port.clientId}`)).weeks,
    ).toEqual([
      { week: '2026-03-16', plannedSeconds: 0, workedSeconds: 0 },
      { week: '2026-03-23', plannedSeconds: 0, workedSeconds: 0 },
      { week: '2026-03-30', plannedSeconds: 0, workedSeconds: 4.5 * 3600 },
    ]);
  });

  it('counts registrations confirmed by ONSS within 5 minutes, per Brussels week', async () => {
    const onTime = await read(`/api/analytics/onss-on-time?${period}`);
    expect(onTime.onTimeMinutes).toBe(5);
    expect(onTime.weeks).toEqual([
      { week: '2026-03-16', total: 2, onTime: 0, late: 0, refused: 1, unconfirmed: 1, share: 0 },
      { week: '2026-03-23', total: 1, onTime: 1, late: 0, refused: 0, unconfirmed: 0, share: 1 },
      { week: '2026-03-30', total: 2, onTime: 1, late: 1, refused: 0, unconfirmed: 0, share: 0.5 },
    ]);
    expect(onTime.overall).toEqual({ total: 5, onTime: 2, late: 1, refused: 1, unconfirmed: 1, share: 0.4 });
    const onSite = await read(`/api/analytics/onss-on-time?${period}&siteId=${world.site.id}`);
    expect(onSite.overall).toMatchObject({ total: 4, onTime: 1 });
  });

  it('leaves out registrations whose 5 minutes are not over yet', async () => {
    const now = subject.app.ctx.now();
    await subject.app.ctx.db.insert(onssRegistrations).values({
      tenantId: world.tenant.id,
      clockEventId: randomUUID(),
      agentId: world.agent.id,
      siteId: world.site.id,
      direction: 'IN',
      registrationTime: new Date(now.getTime() - 60_000),
      payload: {},
      status: 'to_send',
    });
    const today = localDate(now, 'Europe/Brussels');
    const answer = await read(
      `/api/analytics/onss-on-time?from=${today}&to=${today}&siteId=${world.site.id}`,
    );
    expect(answer.overall).toMatchObject({ total: 0, share: null });
  });

  it('counts anomalies opened per Brussels week and type, the most frequent type first', async () => {
    const answer = await read(`/api/analytics/anomalies?${period}`);
    expect(answer.types).toEqual(['NO_SHOW', 'LATE_SYNC']);
    expect(answer.weeks).toEqual([
      {
        week: '2026-03-16',
        total: 0,
        byType: [
          { type: 'NO_SHOW', count: 0 },
          { type: 'LATE_SYNC', count: 0 },
        ],
      },
      {
        week: '2026-03-23',
        total: 1,
        byType: [
          { type: 'NO_SHOW', count: 1 },
          { type: 'LATE_SYNC', count: 0 },
        ],
      },
      {
        week: '2026-03-30',
        total: 2,
        byType: [
          { type: 'NO_SHOW', count: 1 },
          { type: 'LATE_SYNC', count: 1 },
        ],
      },
    ]);
    const ofThePort = await read(`/api/analytics/anomalies?${period}&clientId=${port.clientId}`);
    expect(ofThePort.types).toEqual(['LATE_SYNC']);
  });

  it('shows another company nothing of this one, even with its ids', async () => {
    const other = await createClockWorld(subject.app);
    const { session: stranger } = await webSessionFor(subject.app, other.tenant.id, 'ADMIN');
    const hours = await read(`/api/analytics/hours?${period}&siteId=${world.site.id}`, stranger);
    expect(hours.groups).toEqual([]);
    const onss = await read(`/api/analytics/onss-on-time?${period}&clientId=${port.clientId}`, stranger);
    expect(onss.overall.total).toBe(0);
    const planned = await read(`/api/analytics/planned-vs-actual?${period}`, stranger);
    expect(planned.weeks.every((week: { workedSeconds: number }) => week.workedSeconds === 0)).toBe(true);
  });

  it('refuses the users without back-office access and malformed periods', async () => {
    const { session: nobody } = await webSessionFor(subject.app, world.tenant.id, 'NONE');
    const refused = await asUser(subject.app, nobody, {
      method: 'GET',
      url: `/api/analytics/hours?${period}`,
    });
    expect(refused.statusCode).toBe(403);
    for (const url of [
      '/api/analytics/hours?from=2026-04-05&to=2026-03-16',
      '/api/analytics/hours?from=2025-01-01&to=2026-03-16',
      `/api/analytics/hours?${period}&groupBy=team`,
      `/api/analytics/hours?${period}&top=50`,
      '/api/analytics/anomalies?from=2026-02-30&to=2026-03-16',
      `/api/analytics/onss-on-time?${period}&siteId=nope`,
    ]) {
      const answer = await asUser(subject.app, session, { method: 'GET', url });
      expect(answer.statusCode, url).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
  });
});
