import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { currentTotp, newTotpSecret } from '../src/features/auth/totp.js';
import { insertOperator } from '../src/features/operators/operator-repository.js';
import { hashPassword } from '../src/security/passwords.js';
import { createTenant, createWebUser, testPassword } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, signIn, type WebSession } from './support/web-client.js';

/**
 * The session cookies of the back-office and of the operator console: their flags, their rotation
 * at every step that changes what the session may do, their end at sign-out, and the CSRF defence
 * of the routes they authenticate. (The agent app uses no cookie: bearer tokens, in agent-auth.)
 */

const operatorPassword = 'operator passphrase 2026';

function cookie(response: LightMyRequestResponse, name: string) {
  return response.cookies.find((candidate) => candidate.name === name);
}

function browserOf(response: LightMyRequestResponse, session: string, csrf: string): WebSession {
  const sessionValue = cookie(response, session)?.value ?? '';
  const csrfValue = cookie(response, csrf)?.value ?? '';
  return { cookie: `${session}=${sessionValue}; ${csrf}=${csrfValue}`, csrfToken: csrfValue };
}

const webBrowser = (response: LightMyRequestResponse) => browserOf(response, 'ciao_session', 'ciao_csrf');
const operatorBrowser = (response: LightMyRequestResponse) =>
  browserOf(response, 'ciao_operator_session', 'ciao_operator_csrf');

const as = (app: FastifyInstance, browser: WebSession, options: InjectOptions) =>
  asUser(app, browser, options);

describe('session cookies and CSRF', () => {
  let subject: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    subject = await createTestApp();
    app = subject.app;
  });
  afterAll(async () => {
    await subject.close();
  });

  async function userCredentials(overrides: Parameters<typeof createWebUser>[2] = {}) {
    const tenant = await createTenant(app.ctx.db);
    const user = await createWebUser(app.ctx.db, tenant.id, overrides);
    return {
      tenant,
      user,
      credentials: { companyCode: tenant.code, login: user.login, password: testPassword },
    };
  }

  async function enrolledOperator() {
    const secret = newTotpSecret();
    const email = `ops-${randomUUID().slice(0, 8)}@ciao.test`;
    await insertOperator(app.ctx.db, {
      email,
      displayName: 'Ops',
      passwordHash: await hashPassword(operatorPassword),
      totpSecretEncrypted: app.ctx.secretBox.seal(secret),
      totpEnabledAt: app.ctx.now(),
      passwordTokenHash: null,
      passwordTokenExpiresAt: null,
      now: app.ctx.now(),
    });
    return { email, secret };
  }

  const operatorSignIn = (email: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/platform/auth/sign-in',
      payload: { email, password: operatorPassword },
      headers,
    });

  describe('flags', () => {
    it('back-office: HttpOnly session, SameSite Lax, path /, no Domain, not Secure over plain HTTP', async () => {
      const { credentials } = await userCredentials();
      const { response } = await signIn(app, credentials);
      const session = cookie(response, 'ciao_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(session?.domain).toBeUndefined();
      expect(session?.secure).toBeFalsy();
      // The CSRF cookie is read by the page (not HttpOnly), and never leaves the site.
      const csrf = cookie(response, 'ciao_csrf');
      expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/' });
      expect(csrf?.httpOnly).toBeFalsy();
      expect(csrf?.domain).toBeUndefined();
      expect(response.json().csrfToken).toBe(csrf?.value);
    });

    it('operator console: HttpOnly, SameSite Strict, the session only sent to /api/platform, no Domain', async () => {
      const { email } = await enrolledOperator();
      const response = await operatorSignIn(email);
      const session = cookie(response, 'ciao_operator_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/platform' });
      expect(session?.domain).toBeUndefined();
      expect(cookie(response, 'ciao_operator_csrf')).toMatchObject({ sameSite: 'Strict', path: '/' });
    });

    it('Secure behind a TLS proxy only when the proxy is trusted; always with an https public URL', async () => {
      const behindProxy = await createTestApp({ config: { trustProxy: true } });
      const directly = subject;
      const publicHttps = await createTestApp({
        config: { sessions: { idleMinutes: 60, absoluteHours: 12, secureCookies: true } },
      });
      try {
        for (const [server, forwarded, secure] of [
          [behindProxy, 'https', true],
          [behindProxy, 'http', false],
          // Without TRUST_PROXY the header is anyone's to send: it changes nothing.
          [directly, 'https', false],
          [publicHttps, 'http', true],
        ] as const) {
          const tenant = await createTenant(server.app.ctx.db);
          const user = await createWebUser(server.app.ctx.db, tenant.id);
          const response = await server.app.inject({
            method: 'POST',
            url: '/api/auth/sign-in',
            payload: { companyCode: tenant.code, login: user.login, password: testPassword },
            headers: { 'x-forwarded-proto': forwarded },
          });
          expect(response.statusCode).toBe(200);
          for (const name of ['ciao_session', 'ciao_csrf'])
            expect(Boolean(cookie(response, name)?.secure), `${name} ${forwarded}`).toBe(secure);
        }
        // PUBLIC_URL decides it: an https address means browsers only ever reach ciao over TLS.
        expect(loadConfig({ PUBLIC_URL: 'https://ciao.example.be' }).sessions.secureCookies).toBe(true);
        expect(loadConfig({}).sessions.secureCookies).toBe(false);
      } finally {
        await Promise.all([behindProxy.close(), publicHttps.close()]);
      }
    });
  });

  describe('rotation and sign-out', () => {
    it('back-office: a session id planted before sign-in is not the session after it', async () => {
      const { credentials } = await userCredentials();
      // The attacker's own valid session, planted in the victim's browser.
      const planted = (await signIn(app, credentials)).session;
      const victim = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: credentials,
        headers: { cookie: planted.cookie },
      });
      const after = webBrowser(victim);
      expect(after.cookie).not.toBe(planted.cookie);
      expect((await as(app, planted, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
      expect((await as(app, after, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    });

    it('back-office: a new session id once the second factor is done; the pending one is dead', async () => {
      const secret = newTotpSecret();
      const { credentials } = await userCredentials({
        totpSecretEncrypted: app.ctx.secretBox.seal(secret),
        totpEnabledAt: app.ctx.now(),
      });
      const pending = (await signIn(app, credentials)).session;
      const done = await as(app, pending, {
        method: 'POST',
        url: '/api/auth/second-factor',
        payload: { code: currentTotp(secret, app.ctx.now()) },
      });
      expect(done.statusCode, done.body).toBe(200);
      const full = webBrowser(done);
      expect(full.cookie).not.toBe(pending.cookie);
      expect((await as(app, pending, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
      expect((await as(app, full, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    });

    it('back-office: a password change gives the browser a new session id and kills the old one', async () => {
      const { credentials } = await userCredentials();
      const before = (await signIn(app, credentials)).session;
      const changed = await as(app, before, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: testPassword, newPassword: 'a brand new passphrase' },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      const after = webBrowser(changed);
      expect(cookie(changed, 'ciao_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(after.cookie).not.toBe(before.cookie);
      const old = await as(app, before, { method: 'GET', url: '/api/auth/session' });
      expect(old.statusCode).toBe(401);
      expect(old.json().code).toBe('SESSION_EXPIRED');
      expect((await as(app, after, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
      // The page goes on with the new CSRF token, read from its cookie.
      const again = await as(app, after, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'a brand new passphrase', newPassword: 'yet another passphrase' },
      });
      expect(again.statusCode).toBe(204);
    });

    it('back-office: sign-out ends the session on the server; replaying the cookie gets 401', async () => {
      const { credentials } = await userCredentials();
      const { session } = await signIn(app, credentials);
      const out = await as(app, session, { method: 'POST', url: '/api/auth/sign-out' });
      expect(out.statusCode).toBe(204);
      expect(cookie(out, 'ciao_session')?.value).toBe('');
      const replay = await as(app, session, { method: 'GET', url: '/api/auth/session' });
      expect(replay.statusCode).toBe(401);
      expect(replay.headers['content-type']).toContain('application/problem+json');
    });

    it('operator console: planted session replaced at sign-in and at the code; sign-out kills it', async () => {
      const { email, secret } = await enrolledOperator();
      const planted = operatorBrowser(await operatorSignIn(email));
      const step1Response = await operatorSignIn(email, { cookie: planted.cookie });
      const step1 = operatorBrowser(step1Response);
      expect(step1.cookie).not.toBe(planted.cookie);
      const plantedCode = await as(app, planted, {
        method: 'POST',
        url: '/api/platform/auth/second-factor',
        payload: { code: currentTotp(secret, app.ctx.now()) },
      });
      expect(plantedCode.statusCode).toBe(401);

      const step2Response = await as(app, step1, {
        method: 'POST',
        url: '/api/platform/auth/second-factor',
        payload: { code: currentTotp(secret, app.ctx.now()) },
      });
      expect(step2Response.statusCode, step2Response.body).toBe(200);
      const full = operatorBrowser(step2Response);
      expect(full.cookie).not.toBe(step1.cookie);
      expect((await as(app, step1, { method: 'GET', url: '/api/platform/auth/session' })).statusCode).toBe(
        401,
      );
      expect((await as(app, full, { method: 'GET', url: '/api/platform/auth/session' })).statusCode).toBe(
        200,
      );

      const out = await as(app, full, { method: 'POST', url: '/api/platform/auth/sign-out' });
      expect(out.statusCode).toBe(204);
      expect((await as(app, full, { method: 'GET', url: '/api/platform/auth/session' })).statusCode).toBe(
        401,
      );
    });
  });

  describe('CSRF', () => {
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

    it('refuses a cross-site change carrying the session cookie but not the page’s token', async () => {
      const { credentials } = await userCredentials({ role: 'ADMIN' });
      const { session } = await signIn(app, credentials);
      // What a forged form or fetch from another site can send: the cookie (were SameSite not
      // enough), never the token, which only a page of ciao's origin can read.
      const forged = await app.inject({
        method: 'POST',
        url: '/api/clients',
        payload: { name: 'Forged' },
        headers: { cookie: session.cookie, ...evil },
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      expect(forged.json().code).toBe('CSRF_TOKEN_INVALID');
      // A guessed token fails the same way.
      const guessed = await app.inject({
        method: 'POST',
        url: '/api/clients',
        payload: { name: 'Forged' },
        headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43), ...evil },
      });
      expect(guessed.json().code).toBe('CSRF_TOKEN_INVALID');
      // The same request from ciao's own page goes through.
      const own = await as(app, session, { method: 'POST', url: '/api/clients', payload: { name: 'Own' } });
      expect(own.statusCode, own.body).toBe(201);
    });

    it('refuses a cross-site change of the operator console without its token', async () => {
      const { email, secret } = await enrolledOperator();
      const step1 = operatorBrowser(await operatorSignIn(email));
      const forged = await app.inject({
        method: 'POST',
        url: '/api/platform/auth/second-factor',
        payload: { code: currentTotp(secret, app.ctx.now()) },
        headers: { cookie: step1.cookie, ...evil },
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().code).toBe('CSRF_TOKEN_INVALID');
    });

    it('takes API keys without a CSRF token: no browser sends them by itself', async () => {
      const { tenant } = await userCredentials({ role: 'ADMIN' });
      const admin = await createWebUser(app.ctx.db, tenant.id, { role: 'ADMIN' });
      const { session } = await signIn(app, {
        companyCode: tenant.code,
        login: admin.login,
        password: testPassword,
      });
      const created = await as(app, session, {
        method: 'POST',
        url: '/api/api-keys',
        payload: { name: 'ERP', scopes: ['write'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: 'From the ERP' },
        headers: { authorization: `Bearer ${created.json().key}`, ...evil },
      });
      expect(response.statusCode, response.body).toBe(201);
    });

    it('login CSRF: an HTML form from another site cannot sign anyone in (JSON bodies only)', async () => {
      const { credentials } = await userCredentials();
      const form = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: new URLSearchParams(credentials).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...evil },
      });
      expect(form.statusCode).toBe(415);
      // enctype="text/plain" can shape a body like JSON, but not its content type.
      const plain = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: JSON.stringify(credentials),
        headers: { 'content-type': 'text/plain', ...evil },
      });
      expect(plain.statusCode).toBeGreaterThanOrEqual(400);
      expect(plain.statusCode).toBeLessThan(500);
      expect(cookie(plain, 'ciao_session')).toBeUndefined();
      expect(cookie(form, 'ciao_session')).toBeUndefined();
    });
  });
});
