import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants, webUsers } from '../src/db/schema/index.js';
import { currentTotp } from '../src/features/auth/totp.js';
import { createTenant, createWebUser, testPassword } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, signIn } from './support/web-client.js';

describe('back-office sign-in and sessions', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function companyWithUser(overrides: Parameters<typeof createWebUser>[2] = {}) {
    const tenant = await createTenant(subject.app.ctx.db);
    const user = await createWebUser(subject.app.ctx.db, tenant.id, overrides);
    return {
      tenant,
      user,
      credentials: { companyCode: tenant.code, login: user.login, password: testPassword },
    };
  }

  it('signs in with company code, login and password (any case), then knows the user and its capabilities', async () => {
    const { tenant, user } = await companyWithUser({ role: 'SUPERVISOR' });
    const { response, session } = await signIn(subject.app, {
      companyCode: tenant.code.toLowerCase(),
      login: user.login.toUpperCase(),
      password: testPassword,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('signed_in');
    const cookie = response.cookies.find((c) => c.name === 'ciao_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await asUser(subject.app, session, { method: 'GET', url: '/api/auth/session' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: user.id, role: 'SUPERVISOR' });
    expect(me.json().capabilities).toContain('onssFollowUp.write');
    expect(me.json().capabilities).not.toContain('users.read');
    expect(me.json().capabilities).not.toContain('agentCredentials.read');
  });

  it('answers a wrong password and an unknown login the same way, and audits both', async () => {
    const { tenant, credentials } = await companyWithUser();
    const wrong = await signIn(subject.app, { ...credentials, password: 'not the password' });
    const unknown = await signIn(subject.app, { ...credentials, login: 'nobody-here' });
    const unknownCompany = await signIn(subject.app, { ...credentials, companyCode: 'NOSUCHCO' });
    for (const { response } of [wrong, unknown, unknownCompany]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        detail: 'The company code, login or password is wrong.',
      });
      expect(response.cookies.find((c) => c.name === 'ciao_session')).toBeUndefined();
    }
    const audit = await subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'auth.sign_in_failed')));
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('not the password');
  });

  it('refuses users whose role is NONE, and disabled users', async () => {
    const none = await companyWithUser({ role: 'NONE' });
    const refused = await signIn(subject.app, none.credentials);
    expect(refused.response.statusCode).toBe(403);
    expect(refused.response.json().code).toBe('NO_BACK_OFFICE_ACCESS');
    const disabled = await companyWithUser({ active: false });
    expect((await signIn(subject.app, disabled.credentials)).response.json().code).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('refuses a suspended company with a clear message, keeping its data', async () => {
    const { tenant, credentials } = await companyWithUser();
    const { session } = await signIn(subject.app, credentials);
    await subject.app.ctx.db.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, tenant.id));
    expect((await signIn(subject.app, credentials)).response.json().code).toBe('TENANT_SUSPENDED');
    const me = await asUser(subject.app, session, { method: 'GET', url: '/api/auth/session' });
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('TENANT_SUSPENDED');
  });

  it('slows down, then locks, an account after repeated failures, without telling whether it exists', async () => {
    for (const login of ['exists', 'does-not-exist']) {
      const { tenant } = await companyWithUser({ login: 'exists' });
      const credentials = { companyCode: tenant.code, login, password: 'wrong password' };
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt += 1)
        statuses.push((await signIn(subject.app, credentials)).response.statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const throttled = await signIn(subject.app, credentials);
      expect(throttled.response.statusCode).toBe(429);
      expect(throttled.response.json().code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(throttled.response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Even the right password waits out the delay.
      if (login === 'exists') {
        const right = await signIn(subject.app, { ...credentials, password: testPassword });
        expect(right.response.statusCode).toBe(429);
      }
      for (let attempt = 6; attempt <= 10; attempt += 1) {
        subject.clock.advance(60_000);
        await signIn(subject.app, credentials);
      }
      const locked = await signIn(subject.app, credentials);
      expect(locked.response.statusCode).toBe(429);
      expect(Number(locked.response.headers['retry-after'])).toBeGreaterThan(800);
      subject.clock.advance(16 * 60_000);
      const after = await signIn(subject.app, {
        ...credentials,
        password: login === 'exists' ? testPassword : 'wrong',
      });
      expect(after.response.statusCode).toBe(login === 'exists' ? 200 : 401);
    }
  });

  it('gives a new session id at every sign-in and revokes the one the browser came with', async () => {
    const { credentials } = await companyWithUser();
    const first = await signIn(subject.app, credentials);
    const second = await subject.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: credentials,
      headers: { cookie: first.session.cookie },
    });
    const newToken = second.cookies.find((c) => c.name === 'ciao_session')?.value;
    expect(newToken).toBeTruthy();
    expect(first.session.cookie).not.toContain(newToken!);
    const old = await asUser(subject.app, first.session, { method: 'GET', url: '/api/auth/session' });
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('SESSION_EXPIRED');
  });

  it('refuses a change without the CSRF token, or with another session’s', async () => {
    const { credentials } = await companyWithUser();
    const { session } = await signIn(subject.app, credentials);
    const other = await signIn(subject.app, credentials);
    const body = { currentPassword: testPassword, newPassword: 'another long password' };
    const missing = await subject.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: body,
      headers: { cookie: session.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_TOKEN_INVALID');
    const foreign = await asUser(
      subject.app,
      { ...session, csrfToken: other.session.csrfToken },
      { method: 'POST', url: '/api/auth/password', payload: body },
    );
    expect(foreign.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const { credentials } = await companyWithUser();
    const idle = await signIn(subject.app, credentials);
    subject.clock.advance(61 * 60_000);
    expect(
      (await asUser(subject.app, idle.session, { method: 'GET', url: '/api/auth/session' })).json().code,
    ).toBe('SESSION_EXPIRED');

    const busy = await signIn(subject.app, credentials);
    for (let step = 0; step < 15; step += 1) {
      subject.clock.advance(50 * 60_000);
      await asUser(subject.app, busy.session, { method: 'GET', url: '/api/auth/session' });
    }
    const late = await asUser(subject.app, busy.session, { method: 'GET', url: '/api/auth/session' });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('SESSION_EXPIRED');
  });

  it('signs out, and the cookie no longer works', async () => {
    const { credentials } = await companyWithUser();
    const { session } = await signIn(subject.app, credentials);
    const out = await asUser(subject.app, session, { method: 'POST', url: '/api/auth/sign-out' });
    expect(out.statusCode).toBe(204);
    expect((await asUser(subject.app, session, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(
      401,
    );
  });

  it('changes one’s own password (web passwords need 10 characters) and signs out the other sessions', async () => {
    const { credentials } = await companyWithUser();
    const { session } = await signIn(subject.app, credentials);
    const elsewhere = await signIn(subject.app, credentials);
    const short = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ path: 'newPassword' });
    const changed = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: 'a much longer password' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await asUser(subject.app, elsewhere.session, { method: 'GET', url: '/api/auth/session' })).statusCode,
    ).toBe(401);
    // This browser goes on with the new session its cookie now holds (rotation: security-sessions).
    const renewed = changed.cookies.find((c) => c.name === 'ciao_session')?.value;
    const csrf = changed.cookies.find((c) => c.name === 'ciao_csrf')?.value ?? '';
    const next = { cookie: `ciao_session=${renewed}; ciao_csrf=${csrf}`, csrfToken: csrf };
    expect((await asUser(subject.app, next, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(
      200,
    );
    expect(
      (await signIn(subject.app, { ...credentials, password: 'a much longer password' })).response.statusCode,
    ).toBe(200);
  });

  it('rehashes a password made with older parameters at the next sign-in', async () => {
    const { user, credentials } = await companyWithUser();
    const weak = '$argon2id$v=19$m=4096,t=3,p=1$';
    const { hash } = await import('@node-rs/argon2');
    const oldHash = await hash(testPassword, { algorithm: 2, memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(oldHash.startsWith(weak)).toBe(true);
    await subject.app.ctx.db.update(webUsers).set({ passwordHash: oldHash }).where(eq(webUsers.id, user.id));
    expect((await signIn(subject.app, credentials)).response.statusCode).toBe(200);
    const [after] = await subject.app.ctx.db.select().from(webUsers).where(eq(webUsers.id, user.id));
    expect(after!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function enrol() {
    const tenant = await createTenant(subject.app.ctx.db);
    const user = await createWebUser(subject.app.ctx.db, tenant.id);
    const credentials = { companyCode: tenant.code, login: user.login, password: testPassword };
    const { session } = await signIn(subject.app, credentials);
    const started = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/second-factor/enrolment',
    });
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeSvg } = started.json();
    expect(otpauthUrl).toContain('otpauth://totp/');
    expect(qrCodeSvg).toContain('<svg');
    const wrong = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/second-factor/confirmation',
      payload: { code: '000000' },
    });
    expect(wrong.json().code).toBe('SECOND_FACTOR_INVALID');
    const confirmed = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/second-factor/confirmation',
      payload: { code: currentTotp(secret, subject.clock.now()) },
    });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    const [stored] = await subject.app.ctx.db.select().from(webUsers).where(eq(webUsers.id, user.id));
    expect(stored!.totpSecretEncrypted!.toString('latin1')).not.toContain(secret);
    return { tenant, user, credentials, secret, recoveryCodes };
  }

  it('asks for the code after the password, and grants nothing before it', async () => {
    const { credentials, secret } = await enrol();
    const step1 = await signIn(subject.app, credentials);
    expect(step1.response.json().status).toBe('second_factor_required');
    const blocked = await asUser(subject.app, step1.session, { method: 'GET', url: '/api/auth/session' });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('SECOND_FACTOR_REQUIRED');
    const bad = await asUser(subject.app, step1.session, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: '123456' },
    });
    expect(bad.json().code).toBe('SECOND_FACTOR_INVALID');
    const good = await asUser(subject.app, step1.session, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: currentTotp(secret, subject.clock.now()) },
    });
    expect(good.statusCode).toBe(200);
    const full = {
      cookie: `ciao_session=${good.cookies.find((c) => c.name === 'ciao_session')!.value}`,
      csrfToken: good.json().csrfToken,
    };
    expect(full.cookie).not.toBe(step1.session.cookie.split(';')[0]);
    expect(
      (await asUser(subject.app, full, { method: 'GET', url: '/api/auth/session' })).json().secondFactor
        .enabled,
    ).toBe(true);
    // The pending session was replaced.
    expect(
      (await asUser(subject.app, step1.session, { method: 'GET', url: '/api/auth/session' })).statusCode,
    ).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const { credentials, recoveryCodes } = await enrol();
    const first = await signIn(subject.app, credentials);
    const used = await asUser(subject.app, first.session, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: recoveryCodes[0] },
    });
    expect(used.statusCode).toBe(200);
    const second = await signIn(subject.app, credentials);
    const reused = await asUser(subject.app, second.session, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: recoveryCodes[0] },
    });
    expect(reused.json().code).toBe('SECOND_FACTOR_INVALID');
  });

  it('makes an administrator enrol first when the company requires it, and keeps it on', async () => {
    const tenant = await createTenant(subject.app.ctx.db, { settings: { requireTwoFactorForAdmins: true } });
    const admin = await createWebUser(subject.app.ctx.db, tenant.id, { role: 'ADMIN' });
    const manager = await createWebUser(subject.app.ctx.db, tenant.id, { role: 'ADMIN_MANAGER' });
    const { session } = await signIn(subject.app, {
      companyCode: tenant.code,
      login: admin.login,
      password: testPassword,
    });
    const me = await asUser(subject.app, session, { method: 'GET', url: '/api/auth/session' });
    expect(me.json().secondFactor).toEqual({ enabled: false, enrolmentRequired: true });
    const blocked = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: 'another long password' },
    });
    expect(blocked.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    const managerSession = await signIn(subject.app, {
      companyCode: tenant.code,
      login: manager.login,
      password: testPassword,
    });
    const managerMe = await asUser(subject.app, managerSession.session, {
      method: 'GET',
      url: '/api/auth/session',
    });
    expect(managerMe.json().secondFactor.enrolmentRequired).toBe(false);

    const started = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/second-factor/enrolment',
    });
    const code = currentTotp(started.json().secret, subject.clock.now());
    await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/auth/second-factor/confirmation',
      payload: { code },
    });
    const step1 = await signIn(subject.app, {
      companyCode: tenant.code,
      login: admin.login,
      password: testPassword,
    });
    const done = await asUser(subject.app, step1.session, {
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: currentTotp(started.json().secret, subject.clock.now()) },
    });
    const full = {
      cookie: `ciao_session=${done.cookies.find((c) => c.name === 'ciao_session')!.value}`,
      csrfToken: done.json().csrfToken,
    };
    const off = await asUser(subject.app, full, {
      method: 'DELETE',
      url: '/api/auth/second-factor',
      payload: { code: currentTotp(started.json().secret, subject.clock.now()) },
    });
    expect(off.statusCode).toBe(403);
    expect(off.json().code).toBe('SECOND_FACTOR_MANDATORY');
  });
});
