import { localDate } from '@ciao/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

const zone = 'Europe/Brussels';
const daysAgo = (days: number) => localDate(new Date(Date.now() - days * 86_400_000), zone);

describe('timesheets', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  it('sums each agent-day in the database: worked, break and planned time, corrections marked', async () => {
    // The task is planned every day 06:00–09:00: three hours a day.
    const world = await createClockWorld(subject.app);
    for (const [action, minutes] of [
      ['ARRIVE', 120],
      ['PAUSE', 90],
      ['RESUME', 80],
      ['LEAVE', 30],
    ] as const) {
      const answer = await world.send(world.event(action, { deviceTime: world.minutesAgo(minutes) }));
      expect(answer.statusCode, answer.body).toBeLessThan(300);
    }
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'HR_MANAGER');
    const week = `/api/timesheets?from=${daysAgo(6)}&to=${daysAgo(0)}`;
    const read = async (url: string) => {
      const answer = await asUser(subject.app, session, { method: 'GET', url });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json();
    };
    const sheet = await read(week);
    expect(sheet).toMatchObject({ total: 1, from: daysAgo(6), to: daysAgo(0) });
    const [agent] = sheet.items;
    expect(agent.agent).toEqual({
      id: world.agent.id,
      identifier: world.agent.identifier,
      name: 'Fatima El Amrani',
    });
    expect(agent.days).toHaveLength(7);
    expect(agent.totals).toEqual({
      workedSeconds: 80 * 60,
      breakSeconds: 10 * 60,
      plannedSeconds: 7 * 3 * 3600,
    });
    const worked = agent.days.find((day: { sessionCount: number }) => day.sessionCount > 0);
    expect(worked).toMatchObject({
      firstArrival: world.minutesAgo(120),
      lastDeparture: world.minutesAgo(30),
      workedSeconds: 80 * 60,
      breakSeconds: 600,
      breakCount: 1,
      plannedSeconds: 3 * 3600,
      open: false,
      corrected: false,
    });

    const sessions = await asUser(subject.app, session, {
      method: 'GET',
      url: `/api/work-sessions?agentId=${world.agent.id}`,
    });
    const sessionId = sessions.json().items[0].id;
    const corrected = await asUser(subject.app, session, {
      method: 'POST',
      url: `/api/work-sessions/${sessionId}/corrections`,
      payload: { breakMinutes: 20, reason: 'The break was longer, says the client' },
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const after = await read(week);
    expect(after.items[0].totals.workedSeconds).toBe(70 * 60);
    expect(after.items[0].days.find((day: { date: string }) => day.date === worked.date)).toMatchObject({
      workedSeconds: 70 * 60,
      breakSeconds: 20 * 60,
      corrected: true,
    });

    // One agent, one site: the month view of an agent and another site's filter.
    expect((await read(`${week}&agentId=${world.agent.id}`)).total).toBe(1);
    expect((await read(`${week}&agentId=${randomUUID()}`)).total).toBe(0);
    expect((await read(`${week}&siteId=${randomUUID()}`)).total).toBe(0);

    const other = await createClockWorld(subject.app);
    const { session: stranger } = await webSessionFor(subject.app, other.tenant.id, 'ADMIN');
    const foreign = await asUser(subject.app, stranger, {
      method: 'GET',
      url: `${week}&agentId=${world.agent.id}`,
    });
    expect(foreign.json()).toMatchObject({ total: 0, items: [] });
  });

  it('counts planned time of days without work, and a slot across midnight once', async () => {
    const world = await createClockWorld(subject.app, {
      schedule: [{ weekday: 1, start: '22:00', end: '06:00' }],
    });
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    // 2026-11-23 is a Monday.
    const answer = await asUser(subject.app, session, {
      method: 'GET',
      url: '/api/timesheets?from=2026-11-23&to=2026-11-29',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().items[0].days).toEqual([
      expect.objectContaining({
        date: '2026-11-23',
        plannedSeconds: 8 * 3600,
        workedSeconds: 0,
        sessionCount: 0,
      }),
    ]);
  });

  it('leaves out an agent whose task has no slot in the period, and pages on the agents it counts', async () => {
    // A Monday-only task: Tuesday 24 to Wednesday 25 November 2026 has nothing planned.
    const world = await createClockWorld(subject.app, {
      schedule: [{ weekday: 1, start: '06:00', end: '09:00' }],
    });
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const read = async (query: string) => {
      const answer = await asUser(subject.app, session, { method: 'GET', url: `/api/timesheets?${query}` });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json() as { total: number; items: { agent: { id: string } }[] };
    };
    expect(await read('from=2026-11-24&to=2026-11-25')).toMatchObject({ total: 0, items: [] });
    const monday = await read('from=2026-11-23&to=2026-11-25&pageSize=1');
    expect(monday.total).toBe(1);
    expect(monday.items.map((item) => item.agent.id)).toEqual([world.agent.id]);
    expect((await read('from=2026-11-23&to=2026-11-25&pageSize=1&page=2')).items).toEqual([]);
  });

  it('refuses a period that is reversed or longer than 62 days', async () => {
    const world = await createClockWorld(subject.app);
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    for (const query of [
      'from=2026-11-30&to=2026-11-01',
      'from=2026-01-01&to=2026-12-31',
      'from=2026-11-01',
    ]) {
      const answer = await asUser(subject.app, session, { method: 'GET', url: `/api/timesheets?${query}` });
      expect(answer.statusCode, query).toBe(400);
    }
  });
});
