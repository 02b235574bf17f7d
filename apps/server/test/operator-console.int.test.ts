import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, auditLog, devices, onssRegistrations, operators } from '../src/db/schema/index.js';
import { currentTotp, newTotpSecret } from '../src/features/auth/totp.js';
import { createOperator } from '../src/features/operators/create-operator.js';
import { insertOperator } from '../src/features/operators/operator-repository.js';
import { hashPassword } from '../src/security/passwords.js';
import { createAppAgent, createDevice, webSessionFor } from './support/factories.js';
import { createTenantWorld } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser } from './support/web-client.js';

const password = 'operator passphrase 2026';

interface OperatorBrowser {
  cookie: string;
  csrfToken: string;
}

function cookieOf(response: LightMyRequestResponse, name: string) {
  return response.cookies.find((cookie) => cookie.name === name);
}

/** What the browser keeps after a sign-in step: the operator cookies, replaced at each step. */
function browserAfter(response: LightMyRequestResponse): OperatorBrowser {
  const session = cookieOf(response, 'ciao_operator_session')?.value ?? '';
  const csrf = cookieOf(response, 'ciao_operator_csrf')?.value ?? '';
  return { cookie: `ciao_operator_session=${session}; ciao_operator_csrf=${csrf}`, csrfToken: csrf };
}

describe('operator console', () => {
  let subject: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    subject = await createTestApp();
    app = subject.app;
  });
  afterAll(async () => {
    await subject.close();
  });

  const asOperator = (browser: OperatorBrowser, options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken, ...(options.headers ?? {}) },
    });

  /** An operator with a password and an authenticator already set up. */
  async function enrolledOperator() {
    const secret = newTotpSecret();
    const email = `ops-${randomUUID().slice(0, 8)}@ciao.test`;
    const operator = await insertOperator(app.ctx.db, {
      email,
      displayName: 'Ops',
      passwordHash: await hashPassword(password),
      totpSecretEncrypted: app.ctx.secretBox.seal(secret),
      totpEnabledAt: app.ctx.now(),
      passwordTokenHash: null,
      passwordTokenExpiresAt: null,
      now: app.ctx.now(),
    });
    return { operator, email, secret };
  }

  const signIn = (email: string, pass = password) =>
    app.inject({ method: 'POST', url: '/api/platform/auth/sign-in', payload: { email, password: pass } });

  async function signedIn() {
    const { email, secret, operator } = await enrolledOperator();
    const first = await signIn(email);
    const second = await asOperator(browserAfter(first), {
      method: 'POST',
      url: '/api/platform/auth/second-factor',
      payload: { code: currentTotp(secret, app.ctx.now()) },
    });
    expect(second.statusCode, second.body).toBe(200);
    return { browser: browserAfter(second), operator };
  }

  it('creates an operator whose link sets the password, and whose first sign-in sets up the authenticator', async () => {
    const platform = {
      db: app.ctx.db,
      now: app.ctx.now,
      actor: { type: 'operator' as const, id: 'cli:test' },
    };
    const created = await createOperator(platform, {
      email: 'First.Operator@ciao.test',
      linkBase: 'https://ciao.example.be',
    });
    expect(created.url).toMatch(/^https:\/\/ciao\.example\.be\/platform\/set-password\?token=/);
    const token = new URL(created.url).searchParams.get('token')!;
    const set = await app.inject({
      method: 'POST',
      url: '/api/platform/auth/password',
      payload: { token, password },
    });
    expect(set.statusCode, set.body).toBe(200);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/platform/auth/password',
      payload: { token, password: 'another passphrase' },
    });
    expect(reused.json().code).toBe('PASSWORD_LINK_INVALID');

    const first = await signIn('first.operator@ciao.test');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ stage: 'enrolment_required' });
    expect(cookieOf(first, 'ciao_operator_session')).toMatchObject({ path: '/api/platform', httpOnly: true });
    const pending = browserAfter(first);
    const refused = await asOperator(pending, { method: 'GET', url: '/api/platform/tenants' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    const enrolment = await asOperator(pending, { method: 'POST', url: '/api/platform/auth/enrolment' });
    expect(enrolment.statusCode).toBe(200);
    const { secret, qrCodeSvg } = enrolment.json();
    expect(qrCodeSvg).toContain('<svg');
    const [stored] = await app.ctx.db.select().from(operators).where(eq(operators.id, created.operator.id));
    expect(stored!.totpSecretEncrypted!.toString('utf8')).not.toContain(secret);

    const wrong = await asOperator(pending, {
      method: 'POST',
      url: '/api/platform/auth/enrolment/confirmation',
      payload: { code: currentTotp(secret, new Date(app.ctx.now().getTime() - 10 * 60_000)) },
    });
    expect(wrong.json().code).toBe('SECOND_FACTOR_INVALID');
    const confirmed = await asOperator(pending, {
      method: 'POST',
      url: '/api/platform/auth/enrolment/confirmation',
      payload: { code: currentTotp(secret, app.ctx.now()) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      stage: 'signed_in',
      operator: { email: 'first.operator@ciao.test' },
    });
    const tenants = await asOperator(browserAfter(confirmed), {
      method: 'GET',
      url: '/api/platform/tenants',
    });
    expect(tenants.statusCode).toBe(200);
    // The pending session was replaced: its cookie opens nothing any more.
    const old = await asOperator(pending, { method: 'GET', url: '/api/platform/auth/session' });
    expect(old.statusCode).toBe(401);
  });

  it('requires the authenticator code at every sign-in and refuses a wrong one', async () => {
    const { email, secret } = await enrolledOperator();
    expect((await signIn(email, 'wrong password')).json().code).toBe('INVALID_CREDENTIALS');
    expect((await signIn('nobody@ciao.test')).json().code).toBe('INVALID_CREDENTIALS');
    const first = await signIn(email);
    expect(first.json()).toMatchObject({ stage: 'second_factor_required' });
    const pending = browserAfter(first);
    const early = await asOperator(pending, { method: 'GET', url: '/api/platform/tenants' });
    expect(early.statusCode).toBe(401);
    expect(early.json().code).toBe('SECOND_FACTOR_REQUIRED');
    const wrong = await asOperator(pending, {
      method: 'POST',
      url: '/api/platform/auth/second-factor',
      payload: { code: currentTotp(secret, new Date(app.ctx.now().getTime() + 10 * 60_000)) },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('SECOND_FACTOR_INVALID');
    const ok = await asOperator(pending, {
      method: 'POST',
      url: '/api/platform/auth/second-factor',
      payload: { code: currentTotp(secret, app.ctx.now()) },
    });
    expect(ok.statusCode).toBe(200);
    const browser = browserAfter(ok);
    // The same code, seen once, opens nothing again: the next sign-in waits for the next code.
    const replay = await asOperator(browserAfter(await signIn(email)), {
      method: 'POST',
      url: '/api/platform/auth/second-factor',
      payload: { code: currentTotp(secret, app.ctx.now()) },
    });
    expect(replay.json().code).toBe('SECOND_FACTOR_INVALID');
    subject.clock.advance(30_000);
    const next = await asOperator(browserAfter(await signIn(email)), {
      method: 'POST',
      url: '/api/platform/auth/second-factor',
      payload: { code: currentTotp(secret, app.ctx.now()) },
    });
    expect(next.statusCode).toBe(200);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/platform/tenants',
      headers: { cookie: browser.cookie },
      payload: { code: 'NOCSRF', name: 'No CSRF' },
    });
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    const audit = await app.ctx.db.select().from(auditLog).where(eq(auditLog.actorType, 'operator'));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'operator.sign_in_failed',
        'operator.second_factor_failed',
        'operator.signed_in',
      ]),
    );
  });

  it('throttles wrong passwords and wrong codes', async () => {
    const { email, secret } = await enrolledOperator();
    const answers: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) answers.push((await signIn(email, 'guess')).statusCode);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5]).toBe(429);
    // Even the right password waits for the delay.
    expect((await signIn(email)).statusCode).toBe(429);
    subject.clock.advance(60_000);

    const pending = browserAfter(await signIn(email));
    const codes: number[] = [];
    const stale = currentTotp(secret, new Date(app.ctx.now().getTime() - 10 * 60_000));
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await asOperator(pending, {
        method: 'POST',
        url: '/api/platform/auth/second-factor',
        payload: { code: stale },
      });
      codes.push(response.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[5]).toBe(429);
  });

  it('keeps tenant users out of /api/platform and operators out of tenant routes', async () => {
    const { browser } = await signedIn();
    const world = await createTenantWorld(app);
    const admin = await webSessionFor(app, world.tenant.id, 'ADMIN');
    const problems: string[] = [];
    for (const route of app.routeRegistry) {
      if (route.access === 'public') continue;
      const url = route.url
        .replace(':code', world.tenant.code)
        .replace(/:[A-Za-z]+Id/g, randomUUID())
        .replace(/:[A-Za-z]+/g, 'x');
      const options = {
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      };
      if (route.access === 'operator') {
        // Every cookie a tenant's browser holds: its session and its CSRF token.
        const response = await asUser(app, admin.session, options);
        if (response.statusCode !== 401)
          problems.push(`tenant admin on ${route.method} ${route.url} → ${response.statusCode}`);
      } else {
        const response = await asOperator(browser, options);
        if (response.statusCode !== 401)
          problems.push(`operator on ${route.method} ${route.url} → ${response.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("shows each company's usage from one query, on a known dataset", async () => {
    const { browser } = await signedIn();
    const world = await createTenantWorld(app);
    const tenantId = world.tenant.id;
    const baseline = {
      agents: (await app.ctx.db.select().from(agents).where(eq(agents.tenantId, tenantId))).length,
      devices: (await app.ctx.db.select().from(devices).where(eq(devices.tenantId, tenantId))).length,
    };
    await createAppAgent(app.ctx.db, tenantId, { active: false });
    await createAppAgent(app.ctx.db, tenantId);
    await createDevice(app.ctx.db, tenantId, world.licenceId);
    await createDevice(app.ctx.db, tenantId, world.licenceId, { revokedAt: app.ctx.now() });
    const registration = async (status: string, daysAgo = 0) =>
      app.ctx.db.insert(onssRegistrations).values({
        tenantId,
        clockEventId: randomUUID(),
        agentId: world.fieldAgentId,
        siteId: world.siteId,
        direction: 'IN',
        registrationTime: new Date(app.ctx.now().getTime() - daysAgo * 86_400_000 - 60_000),
        payload: {},
        status,
      });
    for (const status of ['validated', 'validated', 'registered', 'refused', 'needs_attention', 'to_send'])
      await registration(status);
    await registration('not_applicable');
    await registration('refused', 45);

    const response = await asOperator(browser, { method: 'GET', url: '/api/platform/tenants' });
    expect(response.statusCode).toBe(200);
    const row = response.json().items.find((item: { id: string }) => item.id === tenantId);
    expect(row).toMatchObject({
      code: world.tenant.code,
      status: 'active',
      activeAgents: baseline.agents + 1,
      activeDevices: baseline.devices + 1,
      registrationsThisMonth: 6,
      onssErrorRate: 2 / 5,
      openLicenceRequests: 0,
    });
  });

  it('creates a company, issues and re-issues its code, invites its admin, answers its request and lists the e-mails', async () => {
    const { browser } = await signedIn();
    const code = `OPS${randomUUID().slice(0, 4).toUpperCase()}`;
    const badNumber = await asOperator(browser, {
      method: 'POST',
      url: '/api/platform/tenants',
      payload: { code, name: 'Brillo', enterpriseNumber: '0203.201.341' },
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().errors[0]).toMatchObject({ path: 'enterpriseNumber' });
    const created = await asOperator(browser, {
      method: 'POST',
      url: '/api/platform/tenants',
      payload: {
        code: code.toLowerCase(),
        name: 'Brillo',
        enterpriseNumber: 'BE 0203.201.340',
        language: 'nl',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code, status: 'active' });
    const [createdAudit] = await app.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, created.json().id as string));
    expect(createdAudit).toMatchObject({
      action: 'tenant.created',
      actorType: 'operator',
      ip: expect.any(String),
      requestId: expect.any(String),
    });

    const issued = await asOperator(browser, {
      method: 'POST',
      url: `/api/platform/tenants/${code}/licences`,
      payload: { maxDevices: 4 },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const licenceId = issued.json().licence.id as string;
    const reissued = await asOperator(browser, {
      method: 'POST',
      url: `/api/platform/tenants/${code}/licences/${licenceId}/reissue`,
      payload: { revokeDevices: false },
    });
    expect(reissued.statusCode, reissued.body).toBe(200);
    expect(reissued.json().code).not.toBe(issued.json().code);
    const licences = await asOperator(browser, {
      method: 'GET',
      url: `/api/platform/tenants/${code}/licences`,
    });
    expect(licences.json().items).toEqual([expect.objectContaining({ id: licenceId, maxDevices: 4 })]);

    const invited = await asOperator(browser, {
      method: 'POST',
      url: `/api/platform/tenants/${code}/administrators`,
      payload: { login: 'chef', name: 'Chef Brillo', email: 'chef@brillo.be' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json().url).toContain('/set-password?token=');

    // The company's administrator (whose invitation is pending) asks for a code; another signed in asks.
    const tenant = created.json() as { id: string };
    const admin = await webSessionFor(app, tenant.id, 'ADMIN');
    const asked = await asUser(app, admin.session, {
      method: 'POST',
      url: '/api/licence-requests',
      payload: { reason: 'Nieuw team', maxDevices: 6 },
    });
    expect(asked.statusCode).toBe(201);
    const queue = await asOperator(browser, {
      method: 'GET',
      url: '/api/platform/licence-requests?status=open',
    });
    expect(queue.json().items).toEqual([
      expect.objectContaining({ id: asked.json().id, tenant: expect.objectContaining({ code }) }),
    ]);
    const answer = await asOperator(browser, {
      method: 'POST',
      url: `/api/platform/licence-requests/${asked.json().id}/answer`,
      payload: { decision: 'issue' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ request: { status: 'answered' }, code: expect.any(String) });

    const emails = await asOperator(browser, { method: 'GET', url: '/api/platform/emails' });
    expect(emails.statusCode).toBe(200);
    const mine = emails.json().items.filter((item: { tenantCode: string }) => item.tenantCode === code);
    expect(mine.map((item: { template: string; to: string }) => [item.template, item.to]).sort()).toEqual([
      ['invitation', 'chef@brillo.be'],
      ['licence-request-answered', 'chef@brillo.be'],
    ]);

    const suspended = await asOperator(browser, {
      method: 'POST',
      url: `/api/platform/tenants/${code}/suspension`,
    });
    expect(suspended.json()).toMatchObject({ status: 'suspended' });
    const again = await asOperator(browser, {
      method: 'POST',
      url: `/api/platform/tenants/${code}/suspension`,
    });
    expect(again.statusCode).toBe(409);
    const back = await asOperator(browser, {
      method: 'POST',
      url: `/api/platform/tenants/${code}/reactivation`,
    });
    expect(back.json()).toMatchObject({ status: 'active' });
  });
});
