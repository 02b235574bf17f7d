import { localDate } from '@ciao/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, sites, taskAgents, taskGroups, tasks } from '../src/db/schema/index.js';
import { createClockWorld, sitePosition } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

/** About 2 km north of the site: well outside its 150 m geofence. */
const farAway = { latitude: 50.8455, longitude: 4.3653, accuracyMeters: 10 };

describe('back-office registrations', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  /**
   * A company whose agent worked twice: at Louise 231 (arrival outside the geofence, synced late;
   * departure made offline), then on a second client's task of a group (arrival and departure).
   */
  async function workedWorld() {
    const world = await createClockWorld(subject.app);
    const db = subject.app.ctx.db;
    const [client] = await db
      .insert(clients)
      .values({ tenantId: world.tenant.id, name: 'Gare du Midi' })
      .returning();
    const [site] = await db
      .insert(sites)
      .values({ tenantId: world.tenant.id, clientId: client!.id, name: 'Midi hall', ...sitePosition })
      .returning();
    const [group] = await db
      .insert(taskGroups)
      .values({ tenantId: world.tenant.id, name: 'Stations' })
      .returning();
    const [task] = await db
      .insert(tasks)
      .values({ tenantId: world.tenant.id, siteId: site!.id, groupId: group!.id, name: 'Hall floors' })
      .returning();
    await db
      .insert(taskAgents)
      .values({ tenantId: world.tenant.id, taskId: task!.id, agentId: world.agent.id });
    const arrival = world.event('ARRIVE', { deviceTime: world.minutesAgo(240), position: farAway });
    const sent = [
      arrival,
      world.event('LEAVE', { deviceTime: world.minutesAgo(180), capturedOffline: true }),
      world.event('ARRIVE', { taskId: task!.id }),
      world.event('LEAVE', { taskId: task!.id, deviceTime: new Date(Date.now() + 1000).toISOString() }),
    ];
    for (const event of sent) {
      const answer = await world.send(event);
      expect(answer.statusCode, answer.body).toBeLessThan(300);
    }
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'SUPERVISOR');
    const list = async (query = '') => {
      const answer = await asUser(subject.app, session, {
        method: 'GET',
        url: `/api/registrations?${query}`,
      });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json() as {
        total: number;
        items: { id: string; action: string; [key: string]: unknown }[];
      };
    };
    return { world, session, list, sent, arrival, client: client!, site: site!, group: group!, task: task! };
  }

  it('lists the company’s registrations newest first, without coordinates', async () => {
    const { world, list, sent } = await workedWorld();
    const page = await list();
    expect(page.total).toBe(4);
    expect(page.items.map((item) => item.id)).toEqual([...sent].reverse().map((event) => event.id));
    expect(page.items[3]).toMatchObject({
      action: 'ARRIVE',
      agent: { id: world.agent.id, identifier: world.agent.identifier, name: 'Fatima El Amrani' },
      site: { name: 'Louise 231' },
      client: { name: 'Immo Louise' },
      insideGeofence: false,
      onssStatus: 'to_send',
      openAnomalies: 2,
    });
    expect(JSON.stringify(page.items)).not.toContain('latitude');
  });

  it('filters by period, agent, site, client, task, group, ONSS status, flags and open anomaly', async () => {
    const { world, list, sent, client, site, group, task } = await workedWorld();
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();
    const louise = [sent[0]!.id, sent[1]!.id].sort();
    const midi = [sent[2]!.id, sent[3]!.id].sort();
    const today = localDate(new Date(), 'Europe/Brussels');
    const yesterday = localDate(new Date(Date.now() - 86_400_000), 'Europe/Brussels');
    expect((await list(`from=${yesterday}&to=${today}`)).total).toBe(4);
    expect((await list('from=2020-01-01&to=2020-01-31')).total).toBe(0);
    expect((await list(`agentId=${world.agent.id}`)).total).toBe(4);
    expect((await list('q=amrani')).total).toBe(4);
    expect((await list(`q=${world.agent.identifier.toLowerCase()}`)).total).toBe(4);
    expect((await list('q=nobody')).total).toBe(0);
    expect(ids(await list(`siteId=${site.id}`))).toEqual(midi);
    expect(ids(await list(`clientId=${client.id}`))).toEqual(midi);
    expect(ids(await list(`taskId=${world.task.id}`))).toEqual(louise);
    expect(ids(await list(`taskId=${task.id}`))).toEqual(midi);
    expect(ids(await list(`groupId=${group.id}`))).toEqual(midi);
    // The second site has no work declaration: its registrations are not for ONSS.
    expect(ids(await list('onssStatus=to_send'))).toEqual(louise);
    expect(ids(await list('onssStatus=not_applicable'))).toEqual(midi);
    expect((await list('onssStatus=validated')).total).toBe(0);
    expect((await list('refused=true')).total).toBe(0);
    expect(ids(await list('outside=true'))).toEqual([sent[0]!.id]);
    expect((await list('outside=false')).total).toBe(3);
    expect(ids(await list('late=true'))).toEqual(louise);
    expect(ids(await list('offline=true'))).toEqual([sent[1]!.id]);
    expect(ids(await list('anomaly=true'))).toEqual(
      // The late arrival outside the geofence and the late departure each opened anomalies.
      louise,
    );
    expect(ids(await list('anomaly=false'))).toEqual(midi);
  });

  it('pages and sorts on the server', async () => {
    const { list, sent } = await workedWorld();
    const first = await list('pageSize=3');
    const second = await list('pageSize=3&page=2');
    expect(first).toMatchObject({ total: 4, totalCapped: false });
    expect(first.items).toHaveLength(3);
    expect(second.items.map((item) => item.id)).toEqual([sent[0]!.id]);
    const oldestFirst = await list('order=asc');
    expect(oldestFirst.items.map((item) => item.id)).toEqual(sent.map((event) => event.id));
    const byReception = await list('sort=receivedAt&order=asc');
    expect(byReception.items).toHaveLength(4);
  });

  it('stops counting past 10,000 registrations, and says so', async () => {
    const { world, list } = await workedWorld();
    await subject.app.ctx.db.execute(sql`
      insert into clock_events (tenant_id, id, agent_id, task_id, site_id, action, direction, device_time,
        latitude, longitude, accuracy_meters, content_hash)
      select ${world.tenant.id}, gen_random_uuid(), ${world.agent.id}, ${world.task.id}, ${world.site.id},
        'ARRIVE', 'IN', now() - g * interval '1 second', 50.8275, 4.3653, 10, 'bulk'
      from generate_series(1, 10000) as g`);
    const page = await list('pageSize=5');
    expect(page).toMatchObject({ total: 10_000, totalCapped: true });
    expect(page.items).toHaveLength(5);
    expect(await list(`taskId=${world.task.id}&outside=true`)).toMatchObject({
      total: 1,
      totalCapped: false,
    });
  });

  it('lists refused registrations newest first when ONSS refused too many to narrow to their ids', async () => {
    const { world, list, site } = await workedWorld();
    const db = subject.app.ctx.db;
    // 20,100 refused registrations (more than the 20,000 ids the list narrows to), a day old.
    await db.execute(sql`
      with made as (
        insert into clock_events (tenant_id, id, agent_id, task_id, site_id, action, direction, device_time,
          latitude, longitude, accuracy_meters, content_hash)
        select ${world.tenant.id}, gen_random_uuid(), ${world.agent.id}, ${world.task.id}, ${world.site.id},
          'ARRIVE', 'IN', now() - interval '1 day' - (g / 2) * interval '1 second', 50.8275, 4.3653, 10, 'bulk'
        from generate_series(1, 20100) as g
        returning id, device_time)
      insert into onss_registrations (tenant_id, clock_event_id, agent_id, site_id, direction,
        registration_time, payload, status)
      select ${world.tenant.id}, id, ${world.agent.id}, ${world.site.id}, 'IN', device_time, '{}'::jsonb, 'refused'
      from made`);
    // As autovacuum would after such a load: without statistics the planner takes the tables for empty.
    await db.execute(sql`analyze clock_events`);
    await db.execute(sql`analyze onss_registrations`);
    const newestRefused = async (offset: number) => {
      const rows = (await db.execute(sql`
        select e.id from clock_events e join onss_registrations o on o.clock_event_id = e.id
        where e.tenant_id = ${world.tenant.id} and o.status = 'refused'
        order by e.device_time desc, e.id desc limit 50 offset ${offset}`)) as unknown as {
        rows: { id: string }[];
      };
      return rows.rows.map((row) => row.id);
    };

    const first = await list('refused=true&pageSize=50');
    expect(first).toMatchObject({ total: 10_000, totalCapped: true });
    expect(first.items.map((item) => item.id)).toEqual(await newestRefused(0));
    expect(first.items.every((item) => item.onssStatus === 'refused')).toBe(true);
    const third = await list('refused=true&pageSize=50&page=3');
    expect(third.items.map((item) => item.id)).toEqual(await newestRefused(100));
    expect(await list('onssStatus=refused&pageSize=50')).toMatchObject({ total: 10_000 });
    // With another filter that leaves none: an empty page, not someone else's registrations.
    expect(await list(`refused=true&siteId=${site.id}`)).toMatchObject({ total: 0, items: [] });
    // Oldest first: the same index read the other way.
    const oldest = await list('refused=true&pageSize=5&order=asc');
    expect(oldest.items).toHaveLength(5);
    const times = oldest.items.map((item) => String(item.deviceTime));
    expect([...times].sort()).toEqual(times);
  }, 120_000);

  it('refuses a malformed filter with the field named', async () => {
    const { session } = await workedWorld();
    const answer = await asUser(subject.app, session, {
      method: 'GET',
      url: '/api/registrations?from=2026-12-01&to=2026-11-01&onssStatus=lost',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('onssStatus');
  });

  it('explains one registration: position against the geofence, times, flags, ONSS, session', async () => {
    const { session, arrival, world } = await workedWorld();
    const answer = await asUser(subject.app, session, {
      method: 'GET',
      url: `/api/registrations/${arrival.id}`,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const detail = answer.json();
    expect(detail).toMatchObject({
      id: arrival.id,
      deviceTime: new Date(arrival.deviceTime as string).toISOString(),
      position: farAway,
      sitePosition,
      geofenceRadiusMeters: 150,
      insideGeofence: false,
      appVersion: '0.1.0',
      onss: { status: 'to_send', attempts: 0, history: [{ kind: 'created' }] },
      workSession: { state: 'CLOSED', corrected: false },
    });
    expect(detail.flags).toEqual(expect.arrayContaining(['OUTSIDE_GEOFENCE', 'LATE_SYNC']));
    expect(detail.distanceMeters).toBeGreaterThan(1900);
    expect(detail.distanceMeters).toBeLessThan(2100);
    expect(new Date(detail.receivedAt).getTime()).toBeGreaterThan(new Date(detail.deviceTime).getTime());
    expect(detail.anomalies.map((anomaly: { type: string }) => anomaly.type).sort()).toEqual([
      'LATE_SYNC',
      'OUTSIDE_GEOFENCE',
    ]);
    const other = await createClockWorld(subject.app);
    const { session: stranger } = await webSessionFor(subject.app, other.tenant.id, 'ADMIN');
    const foreign = await asUser(subject.app, stranger, {
      method: 'GET',
      url: `/api/registrations/${arrival.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignList = await asUser(subject.app, stranger, {
      method: 'GET',
      url: `/api/registrations?agentId=${world.agent.id}`,
    });
    expect(foreignList.json()).toMatchObject({ total: 0, items: [] });
  });

  it('is closed to a role without registrations.read', async () => {
    const { world } = await workedWorld();
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'NONE');
    const answer = await asUser(subject.app, session, { method: 'GET', url: '/api/registrations' });
    expect(answer.statusCode).toBe(403);
  });
});
