import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, agentTokens, auditLog, devices, tenants } from '../src/db/schema/index.js';
import { sha256Hex } from '../src/security/tokens.js';
import {
  createAppAgent,
  createDevice,
  createLicence,
  createTenant,
  testPassword,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const prefix = '/api/agent/v1';
// What no answer of the agent app may carry.
const secrets = [/Hash"/i, /\$argon2/, /85073003328/, /mobilePassword/i];

function expectNoSecrets(body: string) {
  for (const pattern of secrets) expect(body).not.toMatch(pattern);
}

function activate(app: FastifyInstance, body: Record<string, unknown>, ip = '127.0.0.1') {
  return app.inject({
    method: 'POST',
    url: `${prefix}/activation`,
    payload: {
      installationId: `install-${Math.random().toString(36).slice(2, 12)}`,
      platform: 'android',
      appVersion: '1.0.0',
      ...body,
    },
    remoteAddress: ip,
  });
}

function signInOn(app: FastifyInstance, deviceToken: string, login: string, password = testPassword) {
  return app.inject({
    method: 'POST',
    url: `${prefix}/sign-in`,
    headers: { authorization: `Bearer ${deviceToken}` },
    payload: { login, password },
  });
}

function me(app: FastifyInstance, agentToken: string) {
  return app.inject({
    method: 'GET',
    url: `${prefix}/me`,
    headers: { authorization: `Bearer ${agentToken}` },
  });
}

async function auditActions(app: FastifyInstance, tenantId: string, action: string) {
  return app.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)));
}

describe('agent app activation with a licence code', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  it('activates with the code in any case and with any separators, and returns a device token', async () => {
    const tenant = await createTenant(subject.app.ctx.db, { name: 'Propre SA' });
    const { licence, code } = await createLicence(subject.app.ctx.db, tenant.id);
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    const response = await activate(subject.app, {
      licenceCode: typed,
      installationId: 'installation-0001',
      platform: 'ios',
      appVersion: '1.2.3-beta.1',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.company).toEqual({ code: tenant.code, name: 'Propre SA' });
    expect(body.deviceToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(response.body).not.toContain(code);
    expectNoSecrets(response.body);
    const [device] = await subject.app.ctx.db.select().from(devices).where(eq(devices.licenceId, licence.id));
    expect(device).toMatchObject({
      tenantId: tenant.id,
      installationId: 'installation-0001',
      platform: 'ios',
      appVersion: '1.2.3-beta.1',
      tokenHash: sha256Hex(body.deviceToken),
      revokedAt: null,
    });
    const audit = await auditActions(subject.app, tenant.id, 'device.activated');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: 'device', entityId: device!.id });
    expect(JSON.stringify(audit)).not.toContain(body.deviceToken);
    // The device token signs agents in.
    await createAppAgent(subject.app.ctx.db, tenant.id, { identifier: 'TEST' });
    expect((await signInOn(subject.app, body.deviceToken, `test@${tenant.code}`)).statusCode).toBe(200);
  });

  it('LICENCE_INVALID: an unknown code, with a message that says what to do', async () => {
    const response = await activate(subject.app, { licenceCode: 'NOPE-NOPE-NOPE' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'LICENCE_INVALID' });
    expect(response.json().detail).toMatch(/Check the code/);
    expect(response.json().detail).toMatch(/employer/);
  });

  it('LICENCE_REVOKED, LICENCE_EXPIRED and TENANT_SUSPENDED, each with its own code', async () => {
    const db = subject.app.ctx.db;
    const tenant = await createTenant(db);
    const revoked = await createLicence(db, tenant.id, { revokedAt: new Date(Date.now() - 1000) });
    const expired = await createLicence(db, tenant.id, {
      expiresAt: new Date(subject.clock.now().getTime() - 1000),
    });
    const later = await createLicence(db, tenant.id, {
      expiresAt: new Date(subject.clock.now().getTime() + 86_400_000),
    });
    const suspendedTenant = await createTenant(db, { status: 'suspended' });
    const suspended = await createLicence(db, suspendedTenant.id);

    const answers = {
      revoked: await activate(subject.app, { licenceCode: revoked.code }),
      expired: await activate(subject.app, { licenceCode: expired.code }),
      suspended: await activate(subject.app, { licenceCode: suspended.code }),
      later: await activate(subject.app, { licenceCode: later.code }),
    };
    expect(answers.revoked.statusCode).toBe(403);
    expect(answers.revoked.json().code).toBe('LICENCE_REVOKED');
    expect(answers.revoked.json().detail).toMatch(/new licence code/);
    expect(answers.expired.statusCode).toBe(403);
    expect(answers.expired.json().code).toBe('LICENCE_EXPIRED');
    expect(answers.suspended.statusCode).toBe(403);
    expect(answers.suspended.json().code).toBe('TENANT_SUSPENDED');
    expect(answers.later.statusCode).toBe(200);
    // The company sees the refused attempts made with its codes.
    expect(await auditActions(subject.app, tenant.id, 'device.activation_refused')).toHaveLength(2);
  });

  it('refuses a device beyond the licence maximum; re-activating an installation does not count twice', async () => {
    const db = subject.app.ctx.db;
    const tenant = await createTenant(db);
    const { licence, code } = await createLicence(db, tenant.id, { maxDevices: 2 });
    const first = await activate(subject.app, { licenceCode: code, installationId: 'phone-one-0001' });
    const second = await activate(subject.app, { licenceCode: code, installationId: 'phone-two-0002' });
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const third = await activate(subject.app, { licenceCode: code, installationId: 'phone-three-0003' });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'LICENCE_DEVICE_LIMIT', maxDevices: 2 });
    expect(third.json().detail).toMatch(/revoke a device/);

    // The app reinstalled (or a lost answer retried): same installation, same device, a new token.
    const again = await activate(subject.app, {
      licenceCode: code,
      installationId: 'phone-one-0001',
      appVersion: '1.1.0',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().deviceToken).not.toBe(first.json().deviceToken);
    const rows = await db.select().from(devices).where(eq(devices.licenceId, licence.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.installationId === 'phone-one-0001')?.appVersion).toBe('1.1.0');
    // The old token of that device no longer works.
    await createAppAgent(db, tenant.id, { identifier: 'TEST' });
    const old = await signInOn(subject.app, first.json().deviceToken, `TEST@${tenant.code}`);
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('DEVICE_NOT_ACTIVATED');
    expect((await signInOn(subject.app, again.json().deviceToken, `TEST@${tenant.code}`)).statusCode).toBe(
      200,
    );

    // A revoked device frees its place.
    const two = rows.find((row) => row.installationId === 'phone-two-0002')!;
    await db.update(devices).set({ revokedAt: subject.clock.now() }).where(eq(devices.id, two.id));
    expect(
      (await activate(subject.app, { licenceCode: code, installationId: 'phone-three-0003' })).statusCode,
    ).toBe(200);
  });

  it('signs out the agents of a device that is activated again', async () => {
    const db = subject.app.ctx.db;
    const tenant = await createTenant(db);
    const { code } = await createLicence(db, tenant.id);
    await createAppAgent(db, tenant.id, { identifier: 'TEST' });
    const first = await activate(subject.app, { licenceCode: code, installationId: 'phone-reinstalled' });
    const signedIn = await signInOn(subject.app, first.json().deviceToken, `TEST@${tenant.code}`);
    expect((await me(subject.app, signedIn.json().agentToken)).statusCode).toBe(200);
    await activate(subject.app, { licenceCode: code, installationId: 'phone-reinstalled' });
    const after = await me(subject.app, signedIn.json().agentToken);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('TOKEN_INVALID');
  });

  it('rejects a malformed activation with the bad fields listed', async () => {
    const response = await activate(subject.app, {
      licenceCode: 'ABCD-EFGH-JKMN',
      installationId: 'short',
      platform: 'windows-phone',
      appVersion: 'latest',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    const paths = (response.json().errors as { path: string }[]).map((error) => error.path).sort();
    expect(paths).toEqual(['appVersion', 'installationId', 'platform']);
  });

  it('slows down guessing of codes per installation, then per IP', async () => {
    const guess = (installationId: string, ip: string) =>
      activate(subject.app, { licenceCode: 'WXYZ-WXYZ-WXYZ', installationId }, ip);
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1)
      statuses.push((await guess('guessing-phone', '10.1.0.1')).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const throttled = await guess('guessing-phone', '10.1.0.1');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect(throttled.json().detail).toMatch(/activation attempts/);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // Another installation per guess: the IP is locked after 50 failures within 15 minutes.
    let last = 0;
    for (let attempt = 1; attempt <= 50; attempt += 1)
      last = (await guess(`guess-${attempt}-installation`, '10.1.0.2')).statusCode;
    expect(last).toBe(400);
    const locked = await guess('one-more-installation', '10.1.0.2');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // A real code from another IP still activates: the lock is the IP's, not everyone's.
    const tenant = await createTenant(subject.app.ctx.db);
    const { code } = await createLicence(subject.app.ctx.db, tenant.id);
    expect((await activate(subject.app, { licenceCode: code }, '10.1.0.3')).statusCode).toBe(200);
  });
});

describe('agent sign-in with IDENTIFIER@COMPANY on an activated device', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function phoneOfCompany(agentOverrides: Parameters<typeof createAppAgent>[2] = {}) {
    const db = subject.app.ctx.db;
    const tenant = await createTenant(db);
    const { licence } = await createLicence(db, tenant.id);
    const { device, token } = await createDevice(db, tenant.id, licence.id);
    const agent = await createAppAgent(db, tenant.id, { identifier: 'TEST', ...agentOverrides });
    return { tenant, licence, device, deviceToken: token, agent };
  }

  it('signs in with test@company in any case, then knows the agent, its company and the device', async () => {
    const { tenant, device, deviceToken, agent } = await phoneOfCompany({
      firstName: 'Jeanne',
      language: 'nl',
    });
    const response = await signInOn(subject.app, deviceToken, `  test@${tenant.code.toLowerCase()} `);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.agent).toEqual({
      id: agent.id,
      identifier: 'TEST',
      firstName: 'Jeanne',
      lastName: agent.lastName,
      language: 'nl',
    });
    expect(body.company).toEqual({ code: tenant.code, name: tenant.name });
    expectNoSecrets(response.body);
    const [token] = await subject.app.ctx.db
      .select()
      .from(agentTokens)
      .where(eq(agentTokens.agentId, agent.id));
    expect(token).toMatchObject({
      deviceId: device.id,
      tokenHash: sha256Hex(body.agentToken),
      revokedAt: null,
    });

    const profile = await me(subject.app, body.agentToken);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toEqual({ agent: body.agent, company: body.company, deviceId: device.id });
    expectNoSecrets(profile.body);
    const audit = await auditActions(subject.app, tenant.id, 'agent.signed_in');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'agent', actorId: agent.id, entityId: agent.id });
    expect(JSON.stringify(audit)).not.toContain(testPassword);
  });

  it('MOBILE_LOGIN_FORMAT: without @ the answer shows the expected form with the device’s company', async () => {
    const { tenant, deviceToken } = await phoneOfCompany();
    for (const login of ['TEST', '', '@' + tenant.code, 'TEST@']) {
      const response = await signInOn(subject.app, deviceToken, login);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'MOBILE_LOGIN_FORMAT',
        example: `TEST@${tenant.code}`,
        detail: `Type your identifier followed by @${tenant.code}, for example TEST@${tenant.code}.`,
      });
    }
  });

  it('MOBILE_COMPANY_MISMATCH: another company’s code, answered with the device’s company', async () => {
    const { tenant, deviceToken } = await phoneOfCompany();
    const other = await createTenant(subject.app.ctx.db);
    await createAppAgent(subject.app.ctx.db, other.id, { identifier: 'TEST' });
    const response = await signInOn(subject.app, deviceToken, `TEST@${other.code}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('MOBILE_COMPANY_MISMATCH');
    expect(response.json().detail).toContain(`activated for company ${tenant.code}`);
    expect(response.json().example).toBe(`TEST@${tenant.code}`);
  });

  it('AGENT_NO_APP_ACCESS: without the agent-app flag, or without a mobile password', async () => {
    const noFlag = await phoneOfCompany({ mobileAccess: false });
    const refused = await signInOn(subject.app, noFlag.deviceToken, `TEST@${noFlag.tenant.code}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('AGENT_NO_APP_ACCESS');
    expect(refused.json().detail).toMatch(/Agent app/);
    // A wrong password reveals nothing more than "wrong".
    const wrong = await signInOn(subject.app, noFlag.deviceToken, `TEST@${noFlag.tenant.code}`, 'not it!');
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');

    const noPassword = await phoneOfCompany({ mobilePasswordHash: null });
    const answer = await signInOn(subject.app, noPassword.deviceToken, `TEST@${noPassword.tenant.code}`);
    expect(answer.statusCode).toBe(403);
    expect(answer.json().code).toBe('AGENT_NO_APP_ACCESS');

    // Found by its agent identifier when it has no mobile identifier (the default).
    const noMobileIdentifier = await phoneOfCompany({ mobileIdentifier: null, mobileAccess: false });
    const byIdentifier = await signInOn(
      subject.app,
      noMobileIdentifier.deviceToken,
      `test@${noMobileIdentifier.tenant.code}`,
    );
    expect(byIdentifier.json().code).toBe('AGENT_NO_APP_ACCESS');
  });

  it('AGENT_INACTIVE: a deactivated agent, or one outside its active dates; a wrong password stays generic', async () => {
    const inactive = await phoneOfCompany({ active: false });
    const refused = await signInOn(subject.app, inactive.deviceToken, `TEST@${inactive.tenant.code}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('AGENT_INACTIVE');
    const wrong = await signInOn(
      subject.app,
      inactive.deviceToken,
      `TEST@${inactive.tenant.code}`,
      'not it!',
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');

    const future = await phoneOfCompany({ activeFrom: '2999-01-01' });
    expect((await signInOn(subject.app, future.deviceToken, `TEST@${future.tenant.code}`)).json().code).toBe(
      'AGENT_INACTIVE',
    );
    const past = await phoneOfCompany({ activeUntil: '2000-12-31' });
    expect((await signInOn(subject.app, past.deviceToken, `TEST@${past.tenant.code}`)).json().code).toBe(
      'AGENT_INACTIVE',
    );
    const current = await phoneOfCompany({ activeFrom: '2000-01-01', activeUntil: '2999-12-31' });
    expect((await signInOn(subject.app, current.deviceToken, `TEST@${current.tenant.code}`)).statusCode).toBe(
      200,
    );
  });

  it('answers a wrong password and an unknown identifier the same generic way, and audits both', async () => {
    const { tenant, deviceToken, agent } = await phoneOfCompany();
    const wrong = await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`, 'not the password');
    const unknown = await signInOn(subject.app, deviceToken, `NOBODY@${tenant.code}`);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        detail: 'The identifier or the password is wrong.',
      });
    }
    const audit = await auditActions(subject.app, tenant.id, 'agent.sign_in_failed');
    expect(audit).toHaveLength(2);
    expect(audit.map((row) => row.actorId).sort()).toEqual([agent.id, null].sort());
    expect(JSON.stringify(audit)).not.toContain('not the password');
  });

  it('slows down, then locks, an account after repeated failures, without telling whether it exists', async () => {
    for (const identifier of ['TEST', 'GHOST']) {
      const { tenant, deviceToken } = await phoneOfCompany();
      const login = `${identifier}@${tenant.code}`;
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt += 1)
        statuses.push((await signInOn(subject.app, deviceToken, login, 'wrong password')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const throttled = await signInOn(subject.app, deviceToken, login, 'wrong password');
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json().code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Any case of the same login is the same account; even the right password waits.
      const right = await signInOn(subject.app, deviceToken, login.toLowerCase(), testPassword);
      expect(right.statusCode).toBe(429);
      for (let attempt = 6; attempt <= 10; attempt += 1) {
        subject.clock.advance(60_000);
        await signInOn(subject.app, deviceToken, login, 'wrong password');
      }
      const locked = await signInOn(subject.app, deviceToken, login, 'wrong password');
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      subject.clock.advance(16 * 60_000);
      const after = await signInOn(
        subject.app,
        deviceToken,
        login,
        identifier === 'TEST' ? testPassword : 'wrong',
      );
      expect(after.statusCode).toBe(identifier === 'TEST' ? 200 : 401);
    }
  });

  it('DEVICE_REVOKED on /me and on sign-in once the device is revoked', async () => {
    const { tenant, device, deviceToken } = await phoneOfCompany();
    const { agentToken } = (await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`)).json();
    await subject.app.ctx.db
      .update(devices)
      .set({ revokedAt: subject.clock.now() })
      .where(eq(devices.id, device.id));
    const profile = await me(subject.app, agentToken);
    expect(profile.statusCode).toBe(401);
    expect(profile.json().code).toBe('DEVICE_REVOKED');
    const again = await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('DEVICE_REVOKED');
  });

  it('TENANT_SUSPENDED on sign-in when the company is suspended', async () => {
    const { tenant, deviceToken } = await phoneOfCompany();
    await subject.app.ctx.db.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, tenant.id));
    const response = await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('TENANT_SUSPENDED');
  });

  it('signs out: the token is revoked at once, and the sign-out is audited', async () => {
    const { tenant, deviceToken, agent } = await phoneOfCompany();
    const { agentToken } = (await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`)).json();
    const out = await subject.app.inject({
      method: 'POST',
      url: `${prefix}/sign-out`,
      headers: { authorization: `Bearer ${agentToken}` },
    });
    expect(out.statusCode).toBe(204);
    const after = await me(subject.app, agentToken);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('TOKEN_INVALID');
    const [token] = await subject.app.ctx.db
      .select()
      .from(agentTokens)
      .where(eq(agentTokens.agentId, agent.id));
    expect(token!.revokedAt).not.toBeNull();
    expect(await auditActions(subject.app, tenant.id, 'agent.signed_out')).toHaveLength(1);
  });

  it('keeps one token per agent and device; other agents on the same phone stay signed in', async () => {
    const { tenant, deviceToken } = await phoneOfCompany();
    await createAppAgent(subject.app.ctx.db, tenant.id, { identifier: 'COLLEAGUE' });
    const first = (await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`)).json().agentToken;
    const colleague = (await signInOn(subject.app, deviceToken, `colleague@${tenant.code}`)).json()
      .agentToken;
    const second = (await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`)).json().agentToken;
    expect((await me(subject.app, first)).json().code).toBe('TOKEN_INVALID');
    expect((await me(subject.app, second)).statusCode).toBe(200);
    expect((await me(subject.app, colleague)).statusCode).toBe(200);
  });

  it('does not take a device token for an agent token, nor the reverse', async () => {
    const { tenant, deviceToken } = await phoneOfCompany();
    const { agentToken } = (await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`)).json();
    expect((await me(subject.app, deviceToken)).statusCode).toBe(401);
    const withAgentToken = await signInOn(subject.app, agentToken, `TEST@${tenant.code}`);
    expect(withAgentToken.statusCode).toBe(401);
    expect(withAgentToken.json().code).toBe('DEVICE_NOT_ACTIVATED');
    const anonymous = await subject.app.inject({
      method: 'POST',
      url: `${prefix}/sign-in`,
      payload: { login: `TEST@${tenant.code}`, password: testPassword },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('DEVICE_NOT_ACTIVATED');
  });

  it('rehashes a mobile password made with older parameters at the next sign-in', async () => {
    const { hash } = await import('@node-rs/argon2');
    const oldHash = await hash(testPassword, { algorithm: 2, memoryCost: 4096, timeCost: 3, parallelism: 1 });
    const { tenant, deviceToken, agent } = await phoneOfCompany({ mobilePasswordHash: oldHash });
    expect((await signInOn(subject.app, deviceToken, `TEST@${tenant.code}`)).statusCode).toBe(200);
    const [after] = await subject.app.ctx.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(after!.mobilePasswordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('agent activity dates follow the company’s time zone', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
    // 23:30 UTC on 10 March is already 11 March in Brussels (UTC+1).
    subject.clock.advance(Date.parse('2026-03-10T23:30:00Z') - subject.clock.now().getTime());
  });
  afterAll(async () => {
    await subject.close();
  });

  it('refuses an agent whose last day was "yesterday" in Brussels, though still "today" in UTC', async () => {
    const db = subject.app.ctx.db;
    const tenant = await createTenant(db);
    const { licence } = await createLicence(db, tenant.id);
    const { token } = await createDevice(db, tenant.id, licence.id);
    await createAppAgent(db, tenant.id, { identifier: 'ENDED', activeUntil: '2026-03-10' });
    await createAppAgent(db, tenant.id, { identifier: 'STARTS', activeFrom: '2026-03-11' });
    expect((await signInOn(subject.app, token, `ENDED@${tenant.code}`)).json().code).toBe('AGENT_INACTIVE');
    expect((await signInOn(subject.app, token, `STARTS@${tenant.code}`)).statusCode).toBe(200);
  });
});
