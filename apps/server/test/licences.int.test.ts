import type { Role } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentTokens, auditLog, devices, licences } from '../src/db/schema/index.js';
import { openWebSession } from '../src/features/auth/sign-in-web-user.js';
import { sha256Hex } from '../src/security/tokens.js';
import {
  createAppAgent,
  createDevice,
  createLicence,
  createTenant,
  createWebUser,
  testPassword,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

const agentApi = '/api/agent/v1';
const secrets = [/Hash"/i, /\$argon2/, /85073003328/];

function expectNoSecrets(body: string) {
  for (const pattern of secrets) expect(body).not.toMatch(pattern);
}

describe('licences and devices in the back-office', () => {
  let subject: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    subject = await createTestApp();
    app = subject.app;
  });
  afterAll(async () => {
    await subject.close();
  });

  /** A company with a signed-in web user of each role asked for. */
  async function company() {
    const tenant = await createTenant(app.ctx.db);
    const sessions = new Map<Role, WebSession>();
    const as = async (role: Role, options: InjectOptions) => {
      let session = sessions.get(role);
      if (!session) {
        const user = await createWebUser(app.ctx.db, tenant.id, { role });
        const opened = await openWebSession(app.ctx, {
          tenantId: tenant.id,
          userId: user.id,
          secondFactorPending: false,
          ip: '127.0.0.1',
          userAgent: 'licences-test',
        });
        session = {
          cookie: `ciao_session=${opened.sessionToken}; ciao_csrf=${opened.csrfToken}`,
          csrfToken: opened.csrfToken,
        };
        sessions.set(role, session);
      }
      return asUser(app, session, options);
    };
    return { tenant, as };
  }

  const activate = (
    licenceCode: string,
    installationId = `phone-${Math.random().toString(36).slice(2, 10)}`,
  ) =>
    app.inject({
      method: 'POST',
      url: `${agentApi}/activation`,
      payload: { licenceCode, installationId, platform: 'android', appVersion: '1.0.0' },
    });

  async function signedInAgent(tenantId: string, tenantCode: string, licenceId: string, identifier = 'TEST') {
    const { device, token } = await createDevice(app.ctx.db, tenantId, licenceId);
    const agent = await createAppAgent(app.ctx.db, tenantId, { identifier });
    const response = await app.inject({
      method: 'POST',
      url: `${agentApi}/sign-in`,
      headers: { authorization: `Bearer ${token}` },
      payload: { login: `${identifier}@${tenantCode}`, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    return { device, deviceToken: token, agent, agentToken: response.json().agentToken as string };
  }

  const agentMe = (agentToken: string) =>
    app.inject({ method: 'GET', url: `${agentApi}/me`, headers: { authorization: `Bearer ${agentToken}` } });

  it('creates a readable code, shows it once, and lists licences without it', async () => {
    const { tenant, as } = await company();
    const created = await as('ADMIN', {
      method: 'POST',
      url: '/api/licences',
      payload: { label: 'Team Brussels', maxDevices: 3, expiresAt: '2999-12-31T23:00:00+01:00' },
    });
    expect(created.statusCode).toBe(201);
    const { code, licence } = created.json();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(licence).toMatchObject({
      codeHint: code.slice(-4),
      label: 'Team Brussels',
      maxDevices: 3,
      activeDevices: 0,
      status: 'active',
      expiresAt: '2999-12-31T22:00:00.000Z',
      revokedAt: null,
    });
    expectNoSecrets(created.body);
    const [stored] = await app.ctx.db.select().from(licences).where(eq(licences.id, licence.id));
    expect(stored!.tenantId).toBe(tenant.id);
    expect(JSON.stringify(stored)).not.toContain(code);

    expect((await activate(code)).statusCode).toBe(200);
    const list = await as('SUPERVISOR', { method: 'GET', url: '/api/licences' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.json().items[0]).toMatchObject({
      id: licence.id,
      activeDevices: 1,
      codeHint: code.slice(-4),
    });
    expect(list.body).not.toContain(code);
    expect(list.body).not.toContain(code.replaceAll('-', ''));
    expectNoSecrets(list.body);

    const audit = await app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'licence.created')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('lets only administrators create or revoke licences; the other roles read them', async () => {
    const { as } = await company();
    for (const role of ['ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const) {
      expect((await as(role, { method: 'GET', url: '/api/licences' })).statusCode).toBe(200);
      const refused = await as(role, { method: 'POST', url: '/api/licences', payload: { maxDevices: 1 } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    expect((await as('NONE', { method: 'GET', url: '/api/licences' })).statusCode).toBe(403);
  });

  it('validates the new licence: 1 to 10000 devices, an expiry in the future', async () => {
    const { as } = await company();
    for (const maxDevices of [0, 10_001, 1.5]) {
      const response = await as('ADMIN', { method: 'POST', url: '/api/licences', payload: { maxDevices } });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe('maxDevices');
    }
    const past = await as('ADMIN', {
      method: 'POST',
      url: '/api/licences',
      payload: { maxDevices: 1, expiresAt: '2001-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].path).toBe('expiresAt');
  });

  it('lists only the company’s own licences, newest first, with their status', async () => {
    const { tenant, as } = await company();
    const other = await createTenant(app.ctx.db);
    await createLicence(app.ctx.db, other.id);
    const old = await createLicence(app.ctx.db, tenant.id, {
      createdAt: new Date('2025-01-01T00:00:00Z'),
      expiresAt: new Date('2025-06-01T00:00:00Z'),
    });
    const recent = await createLicence(app.ctx.db, tenant.id, { revokedAt: new Date() });
    const list = await as('ADMIN', { method: 'GET', url: '/api/licences?pageSize=1' });
    expect(list.json()).toMatchObject({ total: 2, pageSize: 1 });
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([recent.licence.id]);
    expect(list.json().items[0].status).toBe('revoked');
    const second = await as('ADMIN', { method: 'GET', url: '/api/licences?pageSize=1&page=2' });
    expect(second.json().items[0]).toMatchObject({ id: old.licence.id, status: 'expired' });
  });

  it('revokes a licence and, by default, its devices: their agents get DEVICE_REVOKED', async () => {
    const { tenant, as } = await company();
    const { licence, code } = await createLicence(app.ctx.db, tenant.id);
    const phone = await signedInAgent(tenant.id, tenant.code, licence.id);
    const revoked = await as('ADMIN', { method: 'POST', url: `/api/licences/${licence.id}/revoke` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      revokedDevices: 1,
      licence: { status: 'revoked', activeDevices: 0 },
    });
    const profile = await agentMe(phone.agentToken);
    expect(profile.statusCode).toBe(401);
    expect(profile.json().code).toBe('DEVICE_REVOKED');
    expect((await activate(code)).json().code).toBe('LICENCE_REVOKED');
    const [token] = await app.ctx.db
      .select()
      .from(agentTokens)
      .where(eq(agentTokens.deviceId, phone.device.id));
    expect(token!.revokedAt).not.toBeNull();
    const audit = await app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'licence.revoked')));
    expect(audit).toHaveLength(1);
  });

  it('can revoke a leaked code but keep its phones working, and revoke them later', async () => {
    const { tenant, as } = await company();
    const { licence, code } = await createLicence(app.ctx.db, tenant.id);
    const phone = await signedInAgent(tenant.id, tenant.code, licence.id);
    const codeOnly = await as('ADMIN', {
      method: 'POST',
      url: `/api/licences/${licence.id}/revoke`,
      payload: { revokeDevices: false },
    });
    expect(codeOnly.json()).toMatchObject({
      revokedDevices: 0,
      licence: { status: 'revoked', activeDevices: 1 },
    });
    expect((await activate(code)).json().code).toBe('LICENCE_REVOKED');
    expect((await agentMe(phone.agentToken)).statusCode).toBe(200);
    const devicesToo = await as('ADMIN', {
      method: 'POST',
      url: `/api/licences/${licence.id}/revoke`,
      payload: {},
    });
    expect(devicesToo.json()).toMatchObject({ revokedDevices: 1, licence: { activeDevices: 0 } });
    expect((await agentMe(phone.agentToken)).json().code).toBe('DEVICE_REVOKED');
  });

  it('answers 404 for another company’s licence or device, and changes nothing there', async () => {
    const { as } = await company();
    const other = await createTenant(app.ctx.db);
    const { licence } = await createLicence(app.ctx.db, other.id);
    const { device } = await createDevice(app.ctx.db, other.id, licence.id);
    const requests: InjectOptions[] = [
      { method: 'POST', url: `/api/licences/${licence.id}/revoke` },
      { method: 'POST', url: `/api/devices/${device.id}/revoke` },
      { method: 'GET', url: `/api/devices?licenceId=${licence.id}` },
    ];
    for (const request of requests) {
      const response = await as('ADMIN', request);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
      expect(response.body).not.toContain(other.code);
    }
    const [still] = await app.ctx.db.select().from(devices).where(eq(devices.id, device.id));
    expect(still!.revokedAt).toBeNull();
    const [licenceStill] = await app.ctx.db.select().from(licences).where(eq(licences.id, licence.id));
    expect(licenceStill!.revokedAt).toBeNull();
  });

  it('lists the devices with their licence, platform, version and last agent, optionally of one licence', async () => {
    const { tenant, as } = await company();
    const first = await createLicence(app.ctx.db, tenant.id, { label: 'First' });
    const second = await createLicence(app.ctx.db, tenant.id, { label: 'Second' });
    const phone = await signedInAgent(tenant.id, tenant.code, first.licence.id);
    const activated = await app.inject({
      method: 'POST',
      url: `${agentApi}/activation`,
      payload: {
        licenceCode: second.code,
        installationId: 'an-iphone-0001',
        platform: 'ios',
        appVersion: '2.0.0',
      },
    });
    expect(activated.statusCode).toBe(200);
    const other = await createTenant(app.ctx.db);
    const foreign = await createLicence(app.ctx.db, other.id);
    await createDevice(app.ctx.db, other.id, foreign.licence.id);

    const all = await as('INSPECTOR', { method: 'GET', url: '/api/devices' });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    expectNoSecrets(all.body);
    expect(all.body).not.toContain(phone.deviceToken);
    const android = all.json().items.find((item: { id: string }) => item.id === phone.device.id);
    expect(android).toMatchObject({
      platform: 'android',
      appVersion: '1.0.0',
      revokedAt: null,
      licence: { id: first.licence.id, codeHint: first.licence.codeHint, label: 'First' },
      lastAgent: { id: phone.agent.id, identifier: 'TEST' },
    });
    expect(android.lastSeenAt).not.toBeNull();

    const ofSecond = await as('ADMIN', { method: 'GET', url: `/api/devices?licenceId=${second.licence.id}` });
    expect(ofSecond.json().items).toHaveLength(1);
    expect(ofSecond.json().items[0]).toMatchObject({ platform: 'ios', appVersion: '2.0.0', lastAgent: null });
  });

  it('searches, filters and sorts the licences; a bad sort or status is a field error', async () => {
    const { tenant, as } = await company();
    const brussels = await createLicence(app.ctx.db, tenant.id, {
      label: 'Équipe Bruxelles',
      maxDevices: 30,
    });
    const ghent = await createLicence(app.ctx.db, tenant.id, { label: 'Ploeg Gent', maxDevices: 5 });
    await createLicence(app.ctx.db, tenant.id, { label: 'Old', expiresAt: new Date('2025-06-01T00:00:00Z') });
    await createLicence(app.ctx.db, tenant.id, { label: 'Revoked', revokedAt: new Date() });
    const ids = (response: { json: () => { items: { id: string }[] } }) =>
      response.json().items.map((item) => item.id);

    expect(ids(await as('ADMIN', { method: 'GET', url: '/api/licences?q=bruxelles' }))).toEqual([
      brussels.licence.id,
    ]);
    const hint = await as('ADMIN', { method: 'GET', url: `/api/licences?q=${ghent.licence.codeHint}` });
    expect(ids(hint)).toContain(ghent.licence.id);
    const active = await as('ADMIN', {
      method: 'GET',
      url: '/api/licences?status=active&sort=maxDevices&order=asc',
    });
    expect(ids(active)).toEqual([ghent.licence.id, brussels.licence.id]);
    const expired = await as('ADMIN', { method: 'GET', url: '/api/licences?status=expired' });
    expect(expired.json().items.map((item: { label: string }) => item.label)).toEqual(['Old']);
    const revoked = await as('ADMIN', { method: 'GET', url: '/api/licences?status=revoked' });
    expect(revoked.json().items.map((item: { label: string }) => item.label)).toEqual(['Revoked']);

    const bad = await as('ADMIN', { method: 'GET', url: '/api/licences?sort=code&status=lost' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['query.sort', 'query.status']);
  });

  it('finds a device by the agent who used it, and filters devices by status and platform', async () => {
    const { tenant, as } = await company();
    const { licence } = await createLicence(app.ctx.db, tenant.id);
    const dupont = await signedInAgent(tenant.id, tenant.code, licence.id, 'DUPONT');
    const martin = await signedInAgent(tenant.id, tenant.code, licence.id, 'MARTIN');
    await as('ADMIN', { method: 'POST', url: `/api/devices/${martin.device.id}/revoke` });
    const ids = (response: { json: () => { items: { id: string }[] } }) =>
      response.json().items.map((item) => item.id);

    expect(ids(await as('ADMIN', { method: 'GET', url: '/api/devices?q=dupont' }))).toEqual([
      dupont.device.id,
    ]);
    expect(ids(await as('ADMIN', { method: 'GET', url: '/api/devices?status=revoked' }))).toEqual([
      martin.device.id,
    ]);
    expect(
      ids(await as('ADMIN', { method: 'GET', url: '/api/devices?status=active&platform=android' })),
    ).toEqual([dupont.device.id]);
    expect((await as('ADMIN', { method: 'GET', url: '/api/devices?platform=ios' })).json().total).toBe(0);
    const sorted = await as('ADMIN', { method: 'GET', url: '/api/devices?sort=activatedAt&order=asc' });
    expect(ids(sorted)).toEqual([dupont.device.id, martin.device.id]);
  });

  it('revokes one device and every agent token on it, and nothing else', async () => {
    const { tenant, as } = await company();
    const { licence } = await createLicence(app.ctx.db, tenant.id);
    const lost = await signedInAgent(tenant.id, tenant.code, licence.id, 'LOST');
    const kept = await signedInAgent(tenant.id, tenant.code, licence.id, 'KEPT');
    const response = await as('ADMIN', { method: 'POST', url: `/api/devices/${lost.device.id}/revoke` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: lost.device.id, lastAgent: { identifier: 'LOST' } });
    expect(response.json().revokedAt).not.toBeNull();
    expect((await agentMe(lost.agentToken)).json().code).toBe('DEVICE_REVOKED');
    expect((await agentMe(kept.agentToken)).statusCode).toBe(200);
    const tokens = await app.ctx.db
      .select()
      .from(agentTokens)
      .where(eq(agentTokens.deviceId, lost.device.id));
    expect(tokens.every((token) => token.revokedAt !== null)).toBe(true);
    expect(tokens[0]!.tokenHash).toBe(sha256Hex(lost.agentToken));
    // Revoking it again changes nothing and writes no second audit row.
    expect(
      (await as('ADMIN', { method: 'POST', url: `/api/devices/${lost.device.id}/revoke` })).statusCode,
    ).toBe(200);
    const audit = await app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'device.revoked')));
    expect(audit).toHaveLength(1);
    // The phone can be activated again with a licence code: a new device, a new place.
    const [stored] = await app.ctx.db.select().from(devices).where(eq(devices.id, lost.device.id));
    expect(stored!.revokedAt).not.toBeNull();
  });
});
