import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox } from '../src/db/schema/index.js';
import { answerLicenceRequest } from '../src/features/platform/answer-licence-request.js';
import type { PlatformContext } from '../src/features/platform/platform-context.js';
import { reissueLicence } from '../src/features/platform/reissue-licence.js';
import {
  createAgentToken,
  createAppAgent,
  createDevice,
  createLicence,
  createTenant,
  createWebUser,
  webSessionFor,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

const agentApi = '/api/agent/v1';

describe('licence requests and re-issued codes', () => {
  let subject: TestApp;
  let app: FastifyInstance;
  let platform: PlatformContext;
  beforeAll(async () => {
    subject = await createTestApp();
    app = subject.app;
    platform = { db: app.ctx.db, now: app.ctx.now, actor: { type: 'operator', id: 'test-operator' } };
  });
  afterAll(async () => {
    await subject.close();
  });

  const activate = (licenceCode: string) =>
    app.inject({
      method: 'POST',
      url: `${agentApi}/activation`,
      payload: {
        licenceCode,
        installationId: `install-${randomBytes(4).toString('hex')}`,
        platform: 'android',
        appVersion: '1.0.0',
      },
    });

  async function companyWithAdmins() {
    const tenant = await createTenant(app.ctx.db, { name: 'Net & Propre <SRL>' });
    const admin = await webSessionFor(app, tenant.id, 'ADMIN');
    await createWebUser(app.ctx.db, tenant.id, { role: 'ADMIN', email: 'anne@net.be', language: 'fr' });
    await createWebUser(app.ctx.db, tenant.id, { role: 'ADMIN', email: 'jan@net.be', language: 'nl' });
    await createWebUser(app.ctx.db, tenant.id, { role: 'SUPERVISOR', email: 'sup@net.be' });
    return { tenant, admin };
  }

  it('lets an administrator ask for a code, the operator issue one, and the company see the answer and get the e-mail', async () => {
    const { tenant, admin } = await companyWithAdmins();
    const asked = await asUser(app, admin.session, {
      method: 'POST',
      url: '/api/licence-requests',
      payload: { reason: 'Une nouvelle équipe à Namur', maxDevices: 12 },
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({
      reason: 'Une nouvelle équipe à Namur',
      requestedMaxDevices: 12,
      status: 'open',
      answer: null,
      licence: null,
      requestedBy: { id: admin.user.id },
    });
    const requestId = asked.json().id as string;

    // Another company sees nothing of it.
    const other = await createTenant(app.ctx.db);
    const otherAdmin = await webSessionFor(app, other.id, 'ADMIN');
    const otherList = await asUser(app, otherAdmin.session, { method: 'GET', url: '/api/licence-requests' });
    expect(otherList.json().items).toEqual([]);

    const answered = await answerLicenceRequest(platform, {
      requestId,
      decision: 'issue',
      note: 'Code communiqué par téléphone.',
      linkBase: 'https://ciao.example.be',
    });
    expect(answered.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(answered.request.request.status).toBe('answered');

    const listed = await asUser(app, admin.session, { method: 'GET', url: '/api/licence-requests' });
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        id: requestId,
        status: 'answered',
        answer: 'Code communiqué par téléphone.',
        licence: { id: expect.any(String), codeHint: answered.code!.replaceAll('-', '').slice(-4) },
      }),
    ]);
    const licences = await asUser(app, admin.session, { method: 'GET', url: '/api/licences' });
    expect(licences.json().items).toEqual([expect.objectContaining({ maxDevices: 12, status: 'active' })]);
    expect((await activate(answered.code!)).statusCode).toBe(200);

    // Each administrator with an address, in their language; never the code itself.
    const mails = await app.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.tenantId, tenant.id));
    expect(mails.map((mail) => [mail.toAddress, mail.language, mail.template]).sort()).toEqual([
      ['anne@net.be', 'fr', 'licence-request-answered'],
      ['jan@net.be', 'nl', 'licence-request-answered'],
    ]);
    const dutch = mails.find((mail) => mail.language === 'nl')!;
    expect(dutch.subject).toBe('Uw aanvraag voor een ciao-licentiecode werd beantwoord');
    expect(dutch.textBody).toContain('Code communiqué par téléphone.');
    expect(dutch.textBody).toContain('https://ciao.example.be/licences');
    expect(dutch.htmlBody).toContain('Net &amp; Propre &lt;SRL&gt;');
    for (const mail of mails) {
      expect(mail.textBody).not.toContain(answered.code!);
      expect(mail.htmlBody).not.toContain(answered.code!);
    }

    await expect(
      answerLicenceRequest(platform, { requestId, decision: 'refuse', reason: 'Too late', linkBase: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a request with a reason the company reads', async () => {
    const { tenant, admin } = await companyWithAdmins();
    const asked = await asUser(app, admin.session, {
      method: 'POST',
      url: '/api/licence-requests',
      payload: { reason: 'More phones', maxDevices: 500 },
    });
    const requestId = asked.json().id as string;
    await answerLicenceRequest(platform, {
      requestId,
      decision: 'refuse',
      reason: 'Your contract covers 50 devices.',
      linkBase: 'https://ciao.example.be',
    });
    const listed = await asUser(app, admin.session, { method: 'GET', url: '/api/licence-requests' });
    expect(listed.json().items[0]).toMatchObject({
      status: 'refused',
      answer: 'Your contract covers 50 devices.',
      licence: null,
      answeredAt: expect.any(String),
    });
    const mails = await app.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.tenantId, tenant.id));
    expect(mails).toHaveLength(2);
    const french = mails.find((mail) => mail.language === 'fr')!;
    expect(french.template).toBe('licence-request-refused');
    expect(french.subject).toBe('Votre demande de code de licence ciao a été refusée');
    expect(french.textBody).toContain('Motif: Your contract covers 50 devices.');
    const audit = await app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.entityId, requestId)));
    expect(audit.map((row) => [row.action, row.actorType]).sort()).toEqual([
      ['licence_request.created', 'user'],
      ['licence_request.refused', 'operator'],
    ]);
  });

  it('validates requests and keeps the queue short', async () => {
    const { admin } = await companyWithAdmins();
    const bad = await asUser(app, admin.session, {
      method: 'POST',
      url: '/api/licence-requests',
      payload: { reason: 'x', maxDevices: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    for (let index = 0; index < 5; index++) {
      const ok = await asUser(app, admin.session, {
        method: 'POST',
        url: '/api/licence-requests',
        payload: { reason: `Request ${index}`, maxDevices: 2 },
      });
      expect(ok.statusCode).toBe(201);
    }
    const sixth = await asUser(app, admin.session, {
      method: 'POST',
      url: '/api/licence-requests',
      payload: { reason: 'One more', maxDevices: 2 },
    });
    expect(sixth.statusCode).toBe(409);
    await expect(
      answerLicenceRequest(platform, { requestId: 'nope', decision: 'issue', linkBase: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  async function licenceInUse() {
    const tenant = await createTenant(app.ctx.db);
    const { licence, code } = await createLicence(app.ctx.db, tenant.id, { maxDevices: 5 });
    const { device } = await createDevice(app.ctx.db, tenant.id, licence.id);
    const agent = await createAppAgent(app.ctx.db, tenant.id);
    const { token } = await createAgentToken(app.ctx.db, {
      tenantId: tenant.id,
      agentId: agent.id,
      deviceId: device.id,
    });
    const me = () =>
      app.inject({ method: 'GET', url: `${agentApi}/me`, headers: { authorization: `Bearer ${token}` } });
    return { tenant, licence, code, me };
  }

  it('re-issues a code: the old one activates nothing, the devices already activated stay signed in', async () => {
    const { tenant, licence, code, me } = await licenceInUse();
    expect((await me()).statusCode).toBe(200);
    const result = await reissueLicence(platform, {
      tenantCode: tenant.code,
      licence: licence.codeHint,
      revokeDevices: false,
    });
    expect(result.code).not.toBe(code);
    expect(result.revokedDevices).toBe(0);
    expect(result.licence).toMatchObject({ activeDevices: 1, licence: { id: licence.id, maxDevices: 5 } });
    expect((await activate(code)).json().code).toBe('LICENCE_INVALID');
    expect((await me()).statusCode).toBe(200);
    expect((await activate(result.code)).statusCode).toBe(200);
    const [audit] = await app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, licence.id), eq(auditLog.action, 'licence.reissued')));
    expect(audit).toMatchObject({ actorType: 'operator', actorId: 'test-operator' });
    expect(JSON.stringify(audit)).not.toContain(result.code);
  });

  it('re-issues a code and revokes the devices when asked: their agents are signed out', async () => {
    const { tenant, licence, me } = await licenceInUse();
    const result = await reissueLicence(platform, {
      tenantCode: tenant.code,
      licence: licence.id,
      revokeDevices: true,
    });
    expect(result.revokedDevices).toBe(1);
    const refused = await me();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('DEVICE_REVOKED');
    await expect(
      reissueLicence(platform, { tenantCode: tenant.code, licence: 'ZZZZ', revokeDevices: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
