import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anomalies,
  clients,
  clockEvents,
  emailOutbox,
  notificationSubscriptions,
  onssRegistrations,
  sites,
  webUsers,
  correctionRequestItems,
  correctionRequests,
} from '../src/db/schema/index.js';
import { createEmailOutbox, smtpTransport, type EmailTransport } from '../src/jobs/email-outbox-worker.js';
import { createNotificationScheduler } from '../src/jobs/notification-scheduler.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { startSmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

describe('e-mail notifications', () => {
  let subject: TestApp;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let transport: EmailTransport;

  beforeAll(async () => {
    subject = await createTestApp({ config: { publicUrl: 'https://ciao.example.be' } });
    app = subject.app;
    smtp = await startSmtpSink();
    transport = smtpTransport(smtp.url, 'ciao <no-reply@example.be>');
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
    await subject.close();
  });

  const silent = { info: () => {}, warn: () => {}, error: () => {} };
  /** Sends what the outbox holds to the in-process SMTP server. */
  const deliver = () => createEmailOutbox(app.ctx, { transport, logger: silent }).runPass();
  const receivedBy = (address: string) =>
    smtp.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(address));

  /** A signed-in user of that role with an e-mail address and a language. */
  async function userOf(tenantId: string, role: string, language = 'fr') {
    const { user, session } = await webSessionFor(app, tenantId, role);
    const email = `${user.login}@example.be`;
    // The factory makes users without an address; notifications need one.
    await app.ctx.db.update(webUsers).set({ email, language }).where(eq(webUsers.id, user.id));
    return { user, session, email };
  }

  const put = (session: WebSession, subscriptions: unknown[]) =>
    asUser(app, session, { method: 'PUT', url: '/api/me/notifications', payload: { subscriptions } });

  const mailsTo = (...addresses: string[]) =>
    app.ctx.db.select().from(emailOutbox).where(inArray(emailOutbox.toAddress, addresses));

  /** A second site, of another client, in the world's company. */
  async function otherSite(tenantId: string) {
    const [client] = await app.ctx.db
      .insert(clients)
      .values({ tenantId, name: 'Gare du Midi SA' })
      .returning();
    const [site] = await app.ctx.db
      .insert(sites)
      .values({ tenantId, clientId: client!.id, name: 'Midi', latitude: 50.836, longitude: 4.336 })
      .returning();
    return { client: client!, site: site! };
  }

  it('offers each role the types it may read, and keeps one scope per type', async () => {
    const world = await createClockWorld(app);
    const manager = await userOf(world.tenant.id, 'ADMIN_MANAGER');
    const first = await asUser(app, manager.session, { method: 'GET', url: '/api/me/notifications' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ hasEmail: true, subscriptions: [] });
    expect(first.json().offeredTypes).toContain('onss.refused');

    const saved = await put(manager.session, [
      { type: 'anomaly.no_show', scope: 'site', scopeId: world.site.id },
      { type: 'digest.daily_compliance', scope: 'all', scopeId: null },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().subscriptions).toEqual([
      expect.objectContaining({ type: 'anomaly.no_show', scope: 'site', scopeId: world.site.id }),
      expect.objectContaining({ type: 'digest.daily_compliance', scope: 'all', scopeId: null }),
    ]);
    // Replacing drops what is left out.
    const replaced = await put(manager.session, [{ type: 'anomaly.no_show', scope: 'all', scopeId: null }]);
    expect(replaced.json().subscriptions).toHaveLength(1);

    // A scope must be a site of the caller's company: another company's site is refused.
    const elsewhere = await createClockWorld(app);
    const foreign = await put(manager.session, [
      { type: 'anomaly.no_show', scope: 'site', scopeId: elsewhere.site.id },
    ]);
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.body).toContain('subscriptions.0.scopeId');
    // A site scope without its id is a validation error, not a 500.
    const incomplete = await put(manager.session, [
      { type: 'anomaly.no_show', scope: 'site', scopeId: null },
    ]);
    expect(incomplete.statusCode).toBe(400);
  });

  it('refuses a role without back-office access, and never mails a type the role may not read', async () => {
    const world = await createClockWorld(app);
    const none = await userOf(world.tenant.id, 'NONE');
    const refused = await put(none.session, [{ type: 'onss.refused', scope: 'all', scopeId: null }]);
    expect(refused.statusCode).toBe(403);

    // A subscription left from a former role: the scheduler checks the role at each pass.
    await app.ctx.db.insert(notificationSubscriptions).values({
      tenantId: world.tenant.id,
      userId: none.user.id,
      notificationType: 'onss.refused',
      createdAt: new Date(app.ctx.now().getTime() - 60_000),
    });
    const [registration] = await app.ctx.db
      .insert(onssRegistrations)
      .values({
        tenantId: world.tenant.id,
        clockEventId: randomUUID(),
        agentId: world.agent.id,
        siteId: world.site.id,
        direction: 'IN',
        registrationTime: app.ctx.now(),
        payload: {},
        status: 'refused',
        remarks: ['00195: unknown workplace'],
        sentAt: app.ctx.now(),
        updatedAt: app.ctx.now(),
      })
      .returning();
    const manager = await userOf(world.tenant.id, 'SUPERVISOR', 'nl');
    expect(
      (await put(manager.session, [{ type: 'onss.refused', scope: 'all', scopeId: null }])).statusCode,
    ).toBe(200);
    subject.clock.advance(1_000);
    await app.ctx.db
      .update(onssRegistrations)
      .set({ updatedAt: app.ctx.now() })
      .where(eq(onssRegistrations.id, registration!.id));
    await createNotificationScheduler(app.ctx).runPass();
    expect(await mailsTo(none.email)).toHaveLength(0);
    const [mail] = await mailsTo(manager.email);
    expect(mail!.subject).toBe('Registratie geweigerd door de RSZ: Fatima El Amrani');
    expect(mail!.textBody).toContain('00195: unknown workplace');
    expect(mail!.textBody).toContain(`https://ciao.example.be/onss/registrations/${registration!.id}`);
  });

  it('mails an opened anomaly once to each subscriber in scope, in their language, and to no one else', async () => {
    const world = await createClockWorld(app);
    const { site: midi, client: midiClient } = await otherSite(world.tenant.id);
    const subscribed = await userOf(world.tenant.id, 'ADMIN_MANAGER', 'fr');
    const byClient = await userOf(world.tenant.id, 'HR_MANAGER', 'en');
    const unsubscribed = await userOf(world.tenant.id, 'ADMIN_MANAGER');
    const otherType = await userOf(world.tenant.id, 'ADMIN_MANAGER');
    const outOfScope = await userOf(world.tenant.id, 'ADMIN_MANAGER');
    const otherClient = await userOf(world.tenant.id, 'ADMIN_MANAGER');
    const elsewhere = await createClockWorld(app);
    const otherCompany = await userOf(elsewhere.tenant.id, 'ADMIN');

    const all = { type: 'anomaly.missed_departure', scope: 'all', scopeId: null };
    expect((await put(subscribed.session, [all])).statusCode).toBe(200);
    const worldClient = world.site.clientId;
    await put(byClient.session, [{ ...all, scope: 'client', scopeId: worldClient }]);
    await put(otherType.session, [{ ...all, type: 'anomaly.no_show' }]);
    await put(outOfScope.session, [{ ...all, scope: 'site', scopeId: midi.id }]);
    await put(otherClient.session, [{ ...all, scope: 'client', scopeId: midiClient.id }]);
    await put(otherCompany.session, [all]);

    subject.clock.advance(1_000);
    const [anomaly] = await app.ctx.db
      .insert(anomalies)
      .values({
        tenantId: world.tenant.id,
        type: 'MISSED_DEPARTURE',
        dedupeKey: `missed:${randomUUID()}`,
        agentId: world.agent.id,
        siteId: world.site.id,
        openedAt: app.ctx.now(),
        updatedAt: app.ctx.now(),
      })
      .returning();

    const scheduler = createNotificationScheduler(app.ctx);
    await scheduler.runPass();
    const [french] = await mailsTo(subscribed.email);
    expect(french).toMatchObject({
      template: 'notification',
      language: 'fr',
      subject: 'Départ oublié : Fatima El Amrani',
      tenantId: world.tenant.id,
    });
    expect(french!.textBody).toContain('sur le site Louise 231');
    expect(french!.textBody).toContain('https://ciao.example.be/anomalies');
    expect(french!.htmlBody).toContain('<a href="https://ciao.example.be/anomalies"');
    const [english] = await mailsTo(byClient.email);
    expect(english!.subject).toBe('Missed departure: Fatima El Amrani');
    expect(
      await mailsTo(
        unsubscribed.email,
        otherType.email,
        outOfScope.email,
        otherClient.email,
        otherCompany.email,
      ),
    ).toHaveLength(0);

    // Through a real SMTP server: one message each, in the recipient's language, text and HTML.
    await deliver();
    const [frenchMail] = receivedBy(subscribed.email);
    expect(frenchMail!.subject).toBe('Départ oublié : Fatima El Amrani');
    expect(frenchMail!.text).toContain('Bonjour User');
    expect(frenchMail!.html).toContain('Ouvrir dans ciao');
    const [englishMail] = receivedBy(byClient.email);
    expect(englishMail!.subject).toBe('Missed departure: Fatima El Amrani');
    expect(englishMail!.text).toContain('did not register their departure at site Louise 231');
    expect(receivedBy(unsubscribed.email)).toHaveLength(0);

    // A second pass, or a second process, re-reads the last minutes: nothing is queued twice.
    await scheduler.runPass();
    await createNotificationScheduler(app.ctx).runPass();
    expect(await mailsTo(subscribed.email, byClient.email)).toHaveLength(2);

    // An anomaly opened before the subscription is not news.
    await app.ctx.db.insert(anomalies).values({
      tenantId: world.tenant.id,
      type: 'MISSED_DEPARTURE',
      dedupeKey: `missed:${randomUUID()}`,
      agentId: world.agent.id,
      siteId: world.site.id,
      openedAt: new Date(app.ctx.now().getTime() - 3_600_000),
      updatedAt: app.ctx.now(),
    });
    await scheduler.runPass();
    expect(await mailsTo(subscribed.email)).toHaveLength(1);
    await deliver();
    expect(receivedBy(subscribed.email)).toHaveLength(1);
    expect(anomaly).toBeDefined();
  });

  it('sends the daily digest of the previous day at 07:00 local time, once', async () => {
    const world = await createClockWorld(app);
    const { site: midi } = await otherSite(world.tenant.id);
    const reader = await userOf(world.tenant.id, 'INSPECTOR', 'en');
    const siteReader = await userOf(world.tenant.id, 'INSPECTOR', 'en');
    const db = app.ctx.db;
    await db.insert(notificationSubscriptions).values([
      {
        tenantId: world.tenant.id,
        userId: reader.user.id,
        notificationType: 'digest.daily_compliance',
        createdAt: new Date('2026-03-01T00:00:00Z'),
      },
      {
        tenantId: world.tenant.id,
        userId: siteReader.user.id,
        notificationType: 'digest.daily_compliance',
        scope: { siteId: midi.id },
        createdAt: new Date('2026-03-01T00:00:00Z'),
      },
    ]);
    // Monday 9 March 2026 in Brussels (UTC+1) runs from 8 March 23:00 to 9 March 23:00 UTC.
    const registration = (deviceTime: string, siteId = world.site.id) => ({
      tenantId: world.tenant.id,
      id: randomUUID(),
      agentId: world.agent.id,
      taskId: world.task.id,
      siteId,
      action: 'ARRIVE',
      direction: 'IN',
      deviceTime: new Date(deviceTime),
      latitude: 50.8275,
      longitude: 4.3653,
      accuracyMeters: 10,
      contentHash: randomUUID(),
    });
    await db
      .insert(clockEvents)
      .values([
        registration('2026-03-08T23:30:00Z'),
        registration('2026-03-09T08:00:00Z'),
        registration('2026-03-09T12:00:00Z', midi.id),
        registration('2026-03-08T22:30:00Z'),
        registration('2026-03-09T23:30:00Z'),
      ]);
    const onssRow = (status: string, registrationTime: string) => ({
      tenantId: world.tenant.id,
      clockEventId: randomUUID(),
      agentId: world.agent.id,
      siteId: world.site.id,
      direction: 'IN',
      registrationTime: new Date(registrationTime),
      payload: {},
      status,
    });
    await db
      .insert(onssRegistrations)
      .values([
        onssRow('refused', '2026-03-09T08:00:00Z'),
        onssRow('send_failing', '2026-03-09T09:00:00Z'),
        onssRow('validated', '2026-03-09T10:00:00Z'),
        onssRow('refused', '2026-03-10T08:00:00Z'),
      ]);
    await db.insert(anomalies).values({
      tenantId: world.tenant.id,
      type: 'NO_SHOW',
      dedupeKey: `no-show:${randomUUID()}`,
      agentId: world.agent.id,
      siteId: world.site.id,
      openedAt: new Date('2026-03-09T09:00:00Z'),
    });

    const at = (instant: string) => createNotificationScheduler({ ...app.ctx, now: () => new Date(instant) });
    await at('2026-03-10T05:59:00Z').runPass();
    expect(await mailsTo(reader.email, siteReader.email)).toHaveLength(0);

    await at('2026-03-10T06:00:00Z').runPass();
    const [digest] = await mailsTo(reader.email);
    expect(digest!.subject).toBe('Compliance digest for 2026-03-09');
    expect(digest!.textBody).toContain('for the whole company');
    expect(digest!.textBody).toContain('Registrations: 3');
    expect(digest!.textBody).toContain('Open anomalies: no-show 1');
    expect(digest!.textBody).toContain('Refused by ONSS: 1');
    expect(digest!.textBody).toContain('Not yet confirmed by ONSS: 1');
    expect(digest!.htmlBody).toContain('<li>Registrations: 3</li>');
    const [siteDigest] = await mailsTo(siteReader.email);
    expect(siteDigest!.textBody).toContain('for Midi');
    expect(siteDigest!.textBody).toContain('Registrations: 1');
    expect(siteDigest!.textBody).toContain('Open anomalies: none');

    await at('2026-03-10T15:00:00Z').runPass();
    expect(await mailsTo(reader.email, siteReader.email)).toHaveLength(2);
  });

  it('tells of a failing ONSS connection once a day, and of a correction deadline once', async () => {
    const world = await createClockWorld(app);
    const admin = await userOf(world.tenant.id, 'ADMIN', 'en');
    expect(
      (
        await put(admin.session, [
          { type: 'onss.connection_failing', scope: 'all', scopeId: null },
          { type: 'correction_request.deadline', scope: 'all', scopeId: null },
        ])
      ).statusCode,
    ).toBe(200);
    const [failing] = await app.ctx.db
      .insert(onssRegistrations)
      .values({
        tenantId: world.tenant.id,
        clockEventId: randomUUID(),
        agentId: world.agent.id,
        siteId: world.site.id,
        direction: 'IN',
        registrationTime: app.ctx.now(),
        payload: {},
        status: 'send_failing',
        attempts: 3,
      })
      .returning();
    const day = 24 * 3_600_000;
    const draft = async (reference: string, deadlineInMs: number, status = 'draft') => {
      const [request] = await app.ctx.db
        .insert(correctionRequests)
        .values({ tenantId: world.tenant.id, reference, reason: 'Wrong hour', status })
        .returning();
      await app.ctx.db.insert(correctionRequestItems).values({
        tenantId: world.tenant.id,
        correctionRequestId: request!.id,
        onssRegistrationId: failing!.id,
        requestedCorrection: 'Arrival at 06:00',
        deadline: new Date(app.ctx.now().getTime() + deadlineInMs),
      });
      return request!;
    };
    const near = await draft('CR-NEAR', day);
    await draft('CR-LATER', 5 * day);
    await draft('CR-SENT', day, 'submitted');

    const scheduler = createNotificationScheduler(app.ctx);
    await scheduler.runPass();
    await scheduler.runPass();
    const mails = await mailsTo(admin.email);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Correction request CR-NEAR: deadline approaching',
      'The ONSS connection is failing',
    ]);
    expect(mails.find((m) => m.subject.startsWith('The ONSS'))!.textBody).toContain(
      '1 registration(s) could not be sent',
    );
    expect(mails.find((m) => m.subject.startsWith('Correction'))!.textBody).toContain(
      `https://ciao.example.be/onss/corrections/${near.id}`,
    );

    // The next local day, the connection still failing is told again.
    subject.clock.advance(day);
    await createNotificationScheduler(app.ctx).runPass();
    expect(
      (await mailsTo(admin.email)).filter((m) => m.subject === 'The ONSS connection is failing'),
    ).toHaveLength(2);
  });
});
