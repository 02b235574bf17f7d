import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookEvent } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  emailOutbox,
  onssRegistrations,
  webhookDeliveries,
  webhookSubscriptions,
} from '../src/db/schema/index.js';
import { verifyWebhookSignature } from '../src/features/webhooks/webhook-signature.js';
import { createWebhookDeliveryWorker } from '../src/jobs/webhook-delivery-worker.js';
import { createWebhookProducer } from '../src/jobs/webhook-producer.js';
import { createClockWorld } from './support/clock-world.js';
import { createWebUser, webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A receiver over real HTTP on a free port: records every request, answers the statuses it is given. */
async function startReceiver(statuses: number[] = [], fallback = 200) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = statuses.shift() ?? fallback;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/ciao`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('webhooks', () => {
  let subject: TestApp;
  let app: FastifyInstance;
  const receivers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    subject = await createTestApp();
    app = subject.app;
  });
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await subject.close();
  });

  // Deterministic backoff: every wait is its full step (30 s, 1 min, 2 min…).
  const worker = () => createWebhookDeliveryWorker(app.ctx, { logger: silent, random: () => 1 });
  const receiver = async (statuses: number[] = [], fallback = 200) => {
    const started = await startReceiver(statuses, fallback);
    receivers.push(started);
    return started;
  };
  /** A fresh session: tests move the clock past the idle timeout. */
  const adminOf = async (tenantId: string): Promise<WebSession> =>
    (await webSessionFor(app, tenantId, 'ADMIN')).session;

  async function subscribe(tenantId: string, url: string, events: string[]) {
    const response = await asUser(app, await adminOf(tenantId), {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url, events, description: 'ERP' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { secret: string; subscription: { id: string } };
  }

  async function sendTestEvent(tenantId: string, subscriptionId: string) {
    const response = await asUser(app, await adminOf(tenantId), {
      method: 'POST',
      url: `/api/webhooks/${subscriptionId}/test`,
    });
    expect(response.statusCode, response.body).toBe(202);
    return response.json() as { id: string; eventId: string };
  }

  const deliveriesOf = (subscriptionId: string) =>
    app.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId));

  it('sends each event type, signed, with the public API shape and no NISS, once', async () => {
    const world = await createClockWorld(app);
    const target = await receiver();
    const { secret, subscription } = await subscribe(world.tenant.id, target.url, [
      'registration.created',
      'onss.status_changed',
      'anomaly.opened',
      'agent.updated',
    ]);
    expect(secret).toMatch(/^whsec_/);
    const [stored] = await app.ctx.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, subscription.id));
    expect(stored!.secretEncrypted.toString('latin1')).not.toContain(secret);
    const list = await asUser(app, await adminOf(world.tenant.id), { method: 'GET', url: '/api/webhooks' });
    expect(list.body).not.toContain(secret);

    // An arrival outside the geofence: a registration, its ONSS row and an anomaly, in one commit.
    const arrival = world.event('ARRIVE', {
      position: { latitude: 50.8466, longitude: 4.3528, accuracyMeters: 15 },
    });
    expect((await world.send(arrival)).statusCode).toBe(201);
    // What the ONSS worker writes once ONSS answers.
    await app.ctx.db
      .update(onssRegistrations)
      .set({ status: 'registered', onssId: 'PR-1', sentAt: app.ctx.now(), updatedAt: app.ctx.now() })
      .where(eq(onssRegistrations.clockEventId, arrival.id));
    const patched = await asUser(app, await adminOf(world.tenant.id), {
      method: 'PATCH',
      url: `/api/agents/${world.agent.id}`,
      payload: { phone: '0470 12 34 56' },
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const producer = createWebhookProducer(app.ctx);
    expect((await producer.runPass()).queued).toBe(4);
    // The producer reads the last minutes again (late commits): nothing is queued twice.
    expect((await producer.runPass()).queued).toBe(0);
    expect(await worker().runPass()).toMatchObject({ delivered: 4, retrying: 0 });

    const events = target.received.map((request) => {
      expect(
        verifyWebhookSignature(
          secret,
          {
            timestamp: request.headers['ciao-webhook-timestamp']!,
            signature: request.headers['ciao-webhook-signature']!,
          },
          request.body,
          Math.floor(app.ctx.now().getTime() / 1000),
        ),
      ).toBe(true);
      expect(request.body).not.toContain('85073003328');
      const event = webhookEvent.parse(JSON.parse(request.body));
      expect(request.headers['ciao-webhook-id']).toBe(event.id);
      expect(event.tenant).toEqual({ id: world.tenant.id, code: world.tenant.code });
      return event;
    });
    expect(events.map((event) => event.type).sort()).toEqual([
      'agent.updated',
      'anomaly.opened',
      'onss.status_changed',
      'registration.created',
    ]);
    const registration = events.find((event) => event.type === 'registration.created')!;
    expect(registration.data).toMatchObject({
      id: arrival.id,
      action: 'ARRIVE',
      flags: ['OUTSIDE_GEOFENCE'],
    });
    const onss = events.find((event) => event.type === 'onss.status_changed')!;
    expect(onss.data).toMatchObject({ registrationId: arrival.id, status: 'registered', onssId: 'PR-1' });
    const agent = events.find((event) => event.type === 'agent.updated')!;
    expect(agent.data).toMatchObject({ id: world.agent.id, hasNiss: true, phone: '0470 12 34 56' });
    expect(agent.data).not.toHaveProperty('niss');
    await world.send(world.event('LEAVE'));
  });

  it('still delivers a change committed before a crash: a new producer finds it by its cursor', async () => {
    const world = await createClockWorld(app);
    const target = await receiver();
    await subscribe(world.tenant.id, target.url, ['registration.created']);
    const first = world.event('ARRIVE');
    await world.send(first);
    await createWebhookProducer(app.ctx).runPass();
    // The process dies right after this commit: no event on the bus, no pass in this process.
    const second = world.event('LEAVE');
    expect((await world.send(second)).statusCode).toBe(201);

    const restarted = createWebhookProducer(app.ctx);
    expect((await restarted.runPass()).queued).toBe(1);
    await worker().runPass();
    const ids = target.received.map((request) => JSON.parse(request.body).data.id);
    expect(ids.sort()).toEqual([first.id, second.id].sort());
  });

  it('queues nothing for a paused subscription, and sends what happens after it resumes', async () => {
    const world = await createClockWorld(app);
    const target = await receiver();
    const { subscription } = await subscribe(world.tenant.id, target.url, ['registration.created']);
    const admin = await adminOf(world.tenant.id);
    const pause = (active: boolean) =>
      asUser(app, admin, { method: 'PATCH', url: `/api/webhooks/${subscription.id}`, payload: { active } });
    expect((await pause(false)).json()).toMatchObject({ status: 'paused', pausedReason: 'manual' });
    const whilePaused = world.event('ARRIVE');
    await world.send(whilePaused);
    expect((await createWebhookProducer(app.ctx).runPass()).tenantIds).not.toContain(world.tenant.id);

    // Registrations are stamped by the database's clock: line the test clock up with it (and a
    // second later) so that the resume comes after the registration made while paused, as it would.
    subject.clock.advance(Date.now() + 1000 - app.ctx.now().getTime());
    expect((await pause(true)).json()).toMatchObject({ status: 'active', pausedReason: null });
    const afterResume = world.event('LEAVE');
    await world.send(afterResume);
    await createWebhookProducer(app.ctx).runPass();
    await worker().runPass();
    expect(target.received.map((request) => JSON.parse(request.body).data.id)).toEqual([afterResume.id]);
  });

  it('retries after 500s with a growing wait, then records the success', async () => {
    const world = await createClockWorld(app);
    const target = await receiver([500, 500], 204);
    const { subscription } = await subscribe(world.tenant.id, target.url, ['agent.updated']);
    await sendTestEvent(world.tenant.id, subscription.id);

    expect(await worker().runPass()).toMatchObject({ retrying: 1 });
    const [afterFirst] = await deliveriesOf(subscription.id);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(afterFirst!.nextAttemptAt.getTime() - afterFirst!.lastAttemptAt!.getTime()).toBe(30_000);
    expect(await worker().runPass()).toMatchObject({ retrying: 0, delivered: 0 });

    subject.clock.advance(30_000);
    expect(await worker().runPass()).toMatchObject({ retrying: 1 });
    const [afterSecond] = await deliveriesOf(subscription.id);
    expect(afterSecond!.nextAttemptAt.getTime() - afterSecond!.lastAttemptAt!.getTime()).toBe(60_000);

    subject.clock.advance(60_000);
    expect(await worker().runPass()).toMatchObject({ delivered: 1 });
    expect(target.received).toHaveLength(3);
    expect(new Set(target.received.map((request) => request.headers['ciao-webhook-id'])).size).toBe(1);

    const log = await asUser(app, await adminOf(world.tenant.id), {
      method: 'GET',
      url: `/api/webhooks/${subscription.id}/deliveries`,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      eventType: 'webhook.test',
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 204,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(log.json().items[0].lastDurationMs).toBeGreaterThanOrEqual(0);
    const [sub] = await app.ctx.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, subscription.id));
    expect(sub).toMatchObject({ failingSince: null, consecutiveFailures: 0, active: true });
  });

  it('gives up after 24 hours, pauses the subscription and queues an e-mail to the administrators', async () => {
    const world = await createClockWorld(app);
    const boss = await createWebUser(app.ctx.db, world.tenant.id, {
      role: 'ADMIN',
      email: 'boss@example.be',
      language: 'nl',
    });
    const target = await receiver([], 503);
    const { subscription } = await subscribe(world.tenant.id, target.url, ['agent.updated']);
    await sendTestEvent(world.tenant.id, subscription.id);

    let passes = 0;
    for (; passes < 60; passes += 1) {
      const summary = await worker().runPass();
      if (summary.pausedSubscriptions > 0) break;
      const [delivery] = await deliveriesOf(subscription.id);
      subject.clock.advance(delivery!.nextAttemptAt.getTime() - app.ctx.now().getTime());
    }
    expect(passes).toBeGreaterThan(25);
    const [delivery] = await deliveriesOf(subscription.id);
    expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: 503, lastError: 'HTTP 503' });
    const shown = await asUser(app, await adminOf(world.tenant.id), {
      method: 'GET',
      url: `/api/webhooks/${subscription.id}`,
    });
    expect(shown.json()).toMatchObject({ status: 'paused', pausedReason: 'failing' });
    expect(shown.json().failingSince).not.toBeNull();

    const mails = await app.ctx.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.tenantId, world.tenant.id), eq(emailOutbox.template, 'webhook-paused')));
    expect(mails.map((mail) => mail.toAddress)).toEqual([boss.email]);
    expect(mails[0]!.subject).toMatch(/gepauzeerd/);
    expect(mails[0]!.textBody).toContain(target.url);

    // Paused: a test event is refused, nothing is claimed; resuming sends again.
    const refused = await asUser(app, await adminOf(world.tenant.id), {
      method: 'POST',
      url: `/api/webhooks/${subscription.id}/test`,
    });
    expect(refused.statusCode).toBe(409);
    target.statuses.push(200);
    const resumed = await asUser(app, await adminOf(world.tenant.id), {
      method: 'PATCH',
      url: `/api/webhooks/${subscription.id}`,
      payload: { active: true },
    });
    expect(resumed.json()).toMatchObject({ status: 'active', pausedReason: null, failingSince: null });
    await sendTestEvent(world.tenant.id, subscription.id);
    expect(await worker().runPass()).toMatchObject({ delivered: 1 });
    const audit = await app.ctx.db
      .select({ action: auditLog.action, actorType: auditLog.actorType })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.entityId, subscription.id)));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'webhook.created', actorType: 'user' },
        { action: 'webhook.paused', actorType: 'system' },
        { action: 'webhook.resumed', actorType: 'user' },
      ]),
    );
  });

  it('redelivers one delivery with the same event id, and audits it', async () => {
    const world = await createClockWorld(app);
    const target = await receiver();
    const { subscription } = await subscribe(world.tenant.id, target.url, ['agent.updated']);
    const queued = await sendTestEvent(world.tenant.id, subscription.id);
    await worker().runPass();
    const again = await asUser(app, await adminOf(world.tenant.id), {
      method: 'POST',
      url: `/api/webhooks/${subscription.id}/deliveries/${queued.id}/redeliver`,
    });
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toMatchObject({ status: 'pending' });
    await worker().runPass();
    expect(target.received.map((request) => request.headers['ciao-webhook-id'])).toEqual([
      queued.eventId,
      queued.eventId,
    ]);
    const [delivery] = await deliveriesOf(subscription.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    const audit = await app.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.entityId, queued.id)));
    expect(audit.map((row) => row.action).sort()).toEqual(['webhook.redelivered', 'webhook.testSent']);
  });

  it('sends each delivery once when two workers run side by side', async () => {
    const world = await createClockWorld(app);
    const target = await receiver();
    const { subscription } = await subscribe(world.tenant.id, target.url, ['agent.updated']);
    for (let i = 0; i < 30; i += 1) await sendTestEvent(world.tenant.id, subscription.id);
    const [one, two] = [worker(), worker()];
    for (let round = 0; round < 5; round += 1) await Promise.all([one.runPass(), two.runPass()]);
    const ids = target.received.map((request) => request.headers['ciao-webhook-id']);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('refuses plain http to another host and private addresses, and hides other companies’ subscriptions', async () => {
    const world = await createClockWorld(app);
    const other = await createClockWorld(app);
    const admin = await adminOf(world.tenant.id);
    for (const url of [
      'http://erp.example.be/hook',
      'https://10.1.2.3/hook',
      'https://user:pw@erp.example.be/',
    ]) {
      const refused = await asUser(app, admin, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url, events: ['agent.updated'] },
      });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().errors[0].path).toBe('url');
    }
    const { subscription } = await subscribe(world.tenant.id, 'https://erp.example.be/hook', [
      'agent.updated',
    ]);
    const queued = await sendTestEvent(world.tenant.id, subscription.id);
    const stranger = await adminOf(other.tenant.id);
    for (const [method, url] of [
      ['GET', `/api/webhooks/${subscription.id}`],
      ['PATCH', `/api/webhooks/${subscription.id}`],
      ['DELETE', `/api/webhooks/${subscription.id}`],
      ['POST', `/api/webhooks/${subscription.id}/test`],
      ['GET', `/api/webhooks/${subscription.id}/deliveries`],
      ['POST', `/api/webhooks/${subscription.id}/deliveries/${queued.id}/redeliver`],
    ] as const) {
      const response = await asUser(app, stranger, {
        method,
        url,
        ...(method === 'PATCH' ? { payload: { active: false } } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const listed = await asUser(app, stranger, { method: 'GET', url: '/api/webhooks' });
    expect(listed.json().items).toEqual([]);
    const deleted = await asUser(app, admin, { method: 'DELETE', url: `/api/webhooks/${subscription.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(await deliveriesOf(subscription.id)).toEqual([]);
  });

  it('records why an attempt failed: a refused connection, a secret that cannot be decrypted', async () => {
    const world = await createClockWorld(app);
    const gone = await startReceiver();
    await gone.close();
    const { subscription } = await subscribe(world.tenant.id, gone.url, ['agent.updated']);
    await sendTestEvent(world.tenant.id, subscription.id);
    await worker().runPass();
    const [refused] = await deliveriesOf(subscription.id);
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(refused!.lastError).toMatch(/ECONNREFUSED/);

    await app.ctx.db
      .update(webhookSubscriptions)
      .set({ secretEncrypted: Buffer.alloc(64, 1) })
      .where(eq(webhookSubscriptions.id, subscription.id));
    subject.clock.advance(refused!.nextAttemptAt.getTime() - app.ctx.now().getTime());
    await worker().runPass();
    const [undecryptable] = await deliveriesOf(subscription.id);
    expect(undecryptable).toMatchObject({ attempts: 2, lastError: expect.stringMatching(/SECRET_KEY/) });
  });
});
