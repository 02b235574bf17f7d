import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  anomalies,
  auditLog,
  clockEvents,
  correctionRequestItems,
  correctionRequests,
  emailOutbox,
  exportJobs,
  notificationsSent,
  onssRegistrations,
  passwordTokens,
  webhookDeliveries,
  webhookSubscriptions,
  webSessions,
  workSessionCorrections,
  workSessions,
} from '../src/db/schema/index.js';
import { defaultRetentionPolicy } from '../src/features/retention/retention-cutoffs.js';
import { runRetention, type RetentionContext } from '../src/features/retention/run-retention.js';
import { runRetentionOnce } from '../src/jobs/retention-job.js';
import { createClockWorld, sitePosition } from './support/clock-world.js';
import { createWebUser, webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// A night in winter: cut-offs fall on Brussels midnight (UTC+1).
const NOW = new Date('2026-11-29T02:30:00Z');
const DAY = 86_400_000;
const monthsAgo = (months: number) => new Date(NOW.getTime() - months * 30.5 * DAY);
const yearsAgo = (years: number) => new Date(NOW.getTime() - years * 365.25 * DAY);

describe('retention job', () => {
  let subject: TestApp;
  let ctx: RetentionContext;
  let world: Awaited<ReturnType<typeof createClockWorld>>;

  beforeAll(async () => {
    subject = await createTestApp();
    ctx = { db: subject.app.ctx.db, now: () => NOW, exportsDir: subject.app.ctx.exportsDir };
  });
  // Each test its own company: the job resumes anonymising where it stopped in each company.
  beforeEach(async () => {
    world = await createClockWorld(subject.app);
  });
  afterAll(async () => {
    await subject.close();
  });

  /**
   * A closed work session of the world's agent that started at `at`, with its arrival and departure,
   * their ONSS registrations (in `onssStatus`), a correction and an anomaly: a registration as the
   * clock leaves it, written directly because the clock refuses events this old.
   */
  async function seedSession(at: Date, onssStatus = 'validated') {
    const db = subject.app.ctx.db;
    const tenantId = world.tenant.id;
    const workDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(at);
    const [session] = await db
      .insert(workSessions)
      .values({
        tenantId,
        agentId: world.agent.id,
        taskId: world.task.id,
        siteId: world.site.id,
        workDate,
        state: 'CLOSED',
        startedAt: at,
        endedAt: new Date(at.getTime() + 3 * 3_600_000),
        lastEventAt: new Date(at.getTime() + 3 * 3_600_000),
        workedSeconds: 3 * 3600,
      })
      .returning();
    const eventIds: string[] = [];
    const onssIds: string[] = [];
    for (const [index, action] of (['ARRIVE', 'LEAVE'] as const).entries()) {
      const id = randomUUID();
      const deviceTime = new Date(at.getTime() + index * 3 * 3_600_000);
      await db.insert(clockEvents).values({
        tenantId,
        id,
        agentId: world.agent.id,
        taskId: world.task.id,
        siteId: world.site.id,
        workSessionId: session!.id,
        action,
        direction: action === 'ARRIVE' ? 'IN' : 'OUT',
        deviceTime,
        receivedAt: deviceTime,
        latitude: sitePosition.latitude + 0.0003,
        longitude: sitePosition.longitude,
        accuracyMeters: 12,
        distanceMeters: 33,
        insideGeofence: true,
        contentHash: randomBytes(8).toString('hex'),
      });
      const [onss] = await db
        .insert(onssRegistrations)
        .values({
          tenantId,
          clockEventId: id,
          agentId: world.agent.id,
          siteId: world.site.id,
          direction: action === 'ARRIVE' ? 'IN' : 'OUT',
          registrationTime: deviceTime,
          payload: { niss: '85073003328', position: { latitude: 50.8278, longitude: 4.3653 } },
          status: onssStatus,
        })
        .returning();
      eventIds.push(id);
      onssIds.push(onss!.id);
    }
    await db.insert(workSessionCorrections).values({
      tenantId,
      workSessionId: session!.id,
      correctedByUserId: randomUUID(),
      reason: 'Forgot to leave',
      before: {},
      after: {},
    });
    await db.insert(anomalies).values({
      tenantId,
      type: 'MISSED_DEPARTURE',
      status: 'resolved',
      dedupeKey: `missed:${session!.id}`,
      agentId: world.agent.id,
      workSessionId: session!.id,
      clockEventId: eventIds[0],
      openedAt: at,
    });
    return { sessionId: session!.id, eventIds, onssIds };
  }

  const eventsOf = (ids: string[]) =>
    subject.app.ctx.db
      .select()
      .from(clockEvents)
      .where(and(eq(clockEvents.tenantId, world.tenant.id), inArray(clockEvents.id, ids)));
  const onssOf = (ids: string[]) =>
    subject.app.ctx.db.select().from(onssRegistrations).where(inArray(onssRegistrations.id, ids));
  const sessionExists = async (id: string) =>
    (await subject.app.ctx.db.select().from(workSessions).where(eq(workSessions.id, id))).length === 1;

  it('anonymises positions past their months, keeping the geofence verdict, the distance and the NISS', async () => {
    const old = await seedSession(monthsAgo(14));
    const recent = await seedSession(monthsAgo(12));
    const inFlight = await seedSession(monthsAgo(14), 'send_failing');

    const report = await runRetention(ctx, defaultRetentionPolicy, { dryRun: false });
    expect(report.counts.positionsAnonymised).toBeGreaterThanOrEqual(2);

    for (const event of await eventsOf(old.eventIds)) {
      expect(event).toMatchObject({
        latitude: null,
        longitude: null,
        positionAnonymisedAt: NOW,
        accuracyMeters: 12,
        distanceMeters: 33,
        insideGeofence: true,
      });
    }
    for (const onss of await onssOf(old.onssIds)) {
      expect(onss.payload).toEqual({ niss: '85073003328' });
    }
    for (const event of [...(await eventsOf(recent.eventIds)), ...(await eventsOf(inFlight.eventIds))]) {
      expect(event.latitude).not.toBeNull();
      expect(event.positionAnonymisedAt).toBeNull();
    }
    // The ONSS outbox still has to send this one: its position stays.
    for (const onss of await onssOf(inFlight.onssIds)) expect(onss.payload).toHaveProperty('position');

    // The back-office shows the registration without its position, still explained.
    const { session } = await webSessionFor(subject.app, world.tenant.id, 'ADMIN');
    const detail = await subject.app.inject({
      method: 'GET',
      url: `/api/registrations/${old.eventIds[0]}`,
      headers: { cookie: session.cookie },
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      position: null,
      positionAnonymisedAt: NOW.toISOString(),
      distanceMeters: 33,
      insideGeofence: true,
    });
  });

  it('deletes registrations past seven years with what references them, never one ONSS has not settled', async () => {
    const expired = await seedSession(yearsAgo(8));
    const awaiting = await seedSession(yearsAgo(8), 'to_send');
    const refused = await seedSession(yearsAgo(8), 'refused');
    const kept = await seedSession(yearsAgo(6));
    const db = subject.app.ctx.db;
    const [request] = await db
      .insert(correctionRequests)
      .values({
        tenantId: world.tenant.id,
        reference: `CR-${randomUUID()}`,
        reason: 'x',
        createdAt: yearsAgo(8),
      })
      .returning();
    await db.insert(correctionRequestItems).values({
      tenantId: world.tenant.id,
      correctionRequestId: request!.id,
      onssRegistrationId: expired.onssIds[0]!,
      requestedCorrection: 'time',
      deadline: yearsAgo(8),
    });

    const report = await runRetention(ctx, defaultRetentionPolicy, { dryRun: false });

    expect(await sessionExists(expired.sessionId)).toBe(false);
    expect(await eventsOf(expired.eventIds)).toEqual([]);
    expect(await onssOf(expired.onssIds)).toEqual([]);
    expect(
      await db
        .select()
        .from(workSessionCorrections)
        .where(eq(workSessionCorrections.workSessionId, expired.sessionId)),
    ).toEqual([]);
    expect(await db.select().from(anomalies).where(eq(anomalies.workSessionId, expired.sessionId))).toEqual(
      [],
    );
    expect(await db.select().from(correctionRequests).where(eq(correctionRequests.id, request!.id))).toEqual(
      [],
    );
    expect(report.counts).toMatchObject({
      workSessions: 1,
      clockEvents: 2,
      onssRegistrations: 2,
      workSessionCorrections: 1,
      anomalies: 1,
      correctionRequests: 1,
    });

    // A legal record still in flight, or refused and not settled, stays whole.
    for (const held of [awaiting, refused, kept]) {
      expect(await sessionExists(held.sessionId)).toBe(true);
      expect(await eventsOf(held.eventIds)).toHaveLength(2);
      expect(await onssOf(held.onssIds)).toHaveLength(2);
    }
    expect(report.keptAwaitingOnss).toBe(2);
  });

  it('purges the audit trail, deliveries, notifications, exports and dead credentials past their periods', async () => {
    const db = subject.app.ctx.db;
    const tenantId = world.tenant.id;
    const user = await createWebUser(db, tenantId, { role: 'ADMIN' });
    const marker = randomUUID();
    await db.insert(auditLog).values([
      { tenantId, actorType: 'system', action: 'test.old', entityId: marker, at: yearsAgo(11) },
      { tenantId, actorType: 'system', action: 'test.recent', entityId: marker, at: yearsAgo(9) },
    ]);
    const [subscription] = await db
      .insert(webhookSubscriptions)
      .values({
        tenantId,
        url: 'https://example.be/hook',
        events: ['registration.created'],
        secretEncrypted: Buffer.from('x'),
      })
      .returning();
    const delivery = (status: string, createdAt: Date) => ({
      tenantId,
      subscriptionId: subscription!.id,
      eventType: 'registration.created',
      eventId: randomUUID(),
      payload: {},
      status,
      giveUpAt: createdAt,
      createdAt,
    });
    await db
      .insert(webhookDeliveries)
      .values([
        delivery('delivered', monthsAgo(2)),
        delivery('pending', monthsAgo(2)),
        delivery('delivered', NOW),
      ]);
    const email = (status: string, createdAt: Date) => ({
      tenantId,
      toAddress: 'someone@example.be',
      template: 'test',
      language: 'fr',
      subject: 's',
      textBody: 't',
      htmlBody: 'h',
      status,
      createdAt,
    });
    await db
      .insert(emailOutbox)
      .values([email('sent', monthsAgo(2)), email('pending', monthsAgo(2)), email('sent', NOW)]);
    await db.insert(notificationsSent).values([
      { tenantId, userId: user.id, dedupeKey: 'old', type: 'anomaly.no_show', createdAt: monthsAgo(4) },
      { tenantId, userId: user.id, dedupeKey: 'recent', type: 'anomaly.no_show', createdAt: monthsAgo(1) },
    ]);
    const [oldExport] = await db
      .insert(exportJobs)
      .values({
        tenantId,
        userId: user.id,
        kind: 'registrations',
        format: 'csv',
        status: 'done',
        filePath: path.join(tenantId, `${randomUUID()}.csv`),
        createdAt: monthsAgo(2),
        expiresAt: monthsAgo(2),
      })
      .returning();
    const oldFile = path.join(ctx.exportsDir, oldExport!.filePath!);
    await mkdir(path.dirname(oldFile), { recursive: true });
    await writeFile(oldFile, 'a;b\r\n');
    await db.insert(exportJobs).values({
      tenantId,
      userId: user.id,
      kind: 'registrations',
      format: 'csv',
      status: 'done',
      expiresAt: new Date(NOW.getTime() + DAY),
    });
    await db.insert(webSessions).values([
      { idHash: `old-${marker}`, tenantId, userId: user.id, csrfTokenHash: 'x', expiresAt: monthsAgo(2) },
      {
        idHash: `live-${marker}`,
        tenantId,
        userId: user.id,
        csrfTokenHash: 'x',
        expiresAt: new Date(NOW.getTime() + DAY),
      },
    ]);
    await db.insert(passwordTokens).values([
      { tenantId, userId: user.id, purpose: 'reset', tokenHash: `old-${marker}`, expiresAt: monthsAgo(2) },
      {
        tenantId,
        userId: user.id,
        purpose: 'reset',
        tokenHash: `live-${marker}`,
        expiresAt: new Date(NOW.getTime() + DAY),
      },
    ]);

    const dry = await runRetention(ctx, defaultRetentionPolicy, { dryRun: true });
    expect(dry.counts).toMatchObject({
      auditEntries: 1,
      webhookDeliveries: 1,
      emails: 1,
      notificationsSent: 1,
      exportJobs: 1,
      webSessions: 1,
      passwordLinks: 1,
    });
    expect(existsSync(oldFile)).toBe(true);

    const report = await runRetention(ctx, defaultRetentionPolicy, { dryRun: false });
    expect(report.counts).toMatchObject(dry.counts);

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, marker));
    expect(audit.map((row) => row.action)).toEqual(['test.recent']);
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.subscriptionId, subscription!.id));
    expect(deliveries.map((row) => row.status).sort()).toEqual(['delivered', 'pending']);
    const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.tenantId, tenantId));
    expect(emails).toHaveLength(2);
    expect(emails.some((row) => row.status === 'pending')).toBe(true);
    const sent = await db.select().from(notificationsSent).where(eq(notificationsSent.userId, user.id));
    expect(sent.map((row) => row.dedupeKey)).toEqual(['recent']);
    const exports = await db.select().from(exportJobs).where(eq(exportJobs.userId, user.id));
    expect(exports).toHaveLength(1);
    expect(existsSync(oldFile)).toBe(false);
    const sessions = await db.select().from(webSessions).where(eq(webSessions.userId, user.id));
    expect(sessions.map((row) => row.idHash)).toEqual([`live-${marker}`]);
    const links = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id));
    expect(links.map((row) => row.tokenHash)).toEqual([`live-${marker}`]);

    // The audit trail still refuses a delete outside the retention job's own transaction.
    await expect(db.execute(sql`delete from audit_log where entity_id = ${marker}`)).rejects.toThrow();
  });

  it('changes nothing in a dry run, and counts what a real run then removes', async () => {
    const seeded = await seedSession(yearsAgo(9));
    const fresh = await seedSession(monthsAgo(20));
    const dry = await runRetention(ctx, defaultRetentionPolicy, { dryRun: true });
    expect(dry.counts.workSessions).toBe(1);
    expect(dry.counts.clockEvents).toBe(2);
    expect(dry.counts.positionsAnonymised).toBe(4);
    expect(await sessionExists(seeded.sessionId)).toBe(true);
    for (const event of await eventsOf(fresh.eventIds)) expect(event.latitude).not.toBeNull();

    const real = await runRetentionOnce(subject.app.ctx, defaultRetentionPolicy, false);
    expect(real.ran).toBe(true);
    // The real run used the real clock: its cut-offs are later than NOW's, never earlier.
    expect(await sessionExists(seeded.sessionId)).toBe(false);
    for (const event of await eventsOf(fresh.eventIds)) expect(event.latitude).toBeNull();
    const metrics =
      await subject.app.ctx.metrics.registry.getSingleMetricAsString('ciao_retention_rows_total');
    expect(metrics).toMatch(/ciao_retention_rows_total\{category="workSessions"\} [1-9]/);
  });

  it('works in bounded batches: a batch size smaller than the rows takes several statements', async () => {
    const sessions = await Promise.all([1, 2, 3].map(() => seedSession(yearsAgo(10))));
    const report = await runRetention(ctx, { ...defaultRetentionPolicy, batchSize: 1 }, { dryRun: false });
    expect(report.counts.workSessions).toBe(3);
    for (const { sessionId } of sessions) expect(await sessionExists(sessionId)).toBe(false);
  });
});
