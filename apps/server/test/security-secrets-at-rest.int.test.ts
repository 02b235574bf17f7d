import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../src/features/auth/totp.js';
import { createOperator } from '../src/features/operators/create-operator.js';
import { createEmailOutbox, smtpTransport, type EmailTransport } from '../src/jobs/email-outbox-worker.js';
import { createTenant, createWebUser, testPassword } from './support/factories.js';
import { startSmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, signIn, type WebSession } from './support/web-client.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Every kind of secret ciao keeps goes in through the real routes; then every row of every table is
 * read as text (`row::text`: bytea shows as hex) and none may hold a secret in the clear, in text
 * or hex. Passwords are argon2id; tokens, keys and codes SHA-256; keys and TOTP secrets sealed.
 */
describe('secrets at rest', () => {
  let subject: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let transport: EmailTransport;
  beforeAll(async () => {
    subject = await createTestApp({ config: { publicUrl: 'https://ciao.example.be' } });
    smtp = await startSmtpSink();
    transport = smtpTransport(smtp.url, 'ciao <no-reply@example.be>');
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
    await subject.close();
  });

  async function rawRows(): Promise<Map<string, string[]>> {
    const { db } = subject.app.ctx;
    const tables = (await db.execute(
      sql`select table_schema, table_name from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    )) as unknown as { rows: { table_schema: string; table_name: string }[] };
    const dump = new Map<string, string[]>();
    for (const { table_schema: schema, table_name: name } of tables.rows) {
      const rows = (await db.execute(
        sql.raw(`select t::text as row from "${schema}"."${name}" t`),
      )) as unknown as { rows: { row: string }[] };
      dump.set(
        `${schema}.${name}`,
        rows.rows.map((row) => row.row),
      );
    }
    return dump;
  }

  it('keeps no secret in the clear in any table, and passwords as argon2id', async () => {
    const app = subject.app;
    const call = (session: WebSession, options: InjectOptions) => asUser(app, session, options);
    const secrets: Record<string, string> = {};

    // A back-office administrator, its own new password and its second factor.
    const tenant = await createTenant(app.ctx.db);
    const admin = await createWebUser(app.ctx.db, tenant.id, { role: 'ADMIN', email: 'admin@example.be' });
    let { session } = await signIn(app, {
      companyCode: tenant.code,
      login: admin.login,
      password: testPassword,
    });
    secrets.webPassword = 'a web password nobody may read 1';
    const changed = await call(session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: secrets.webPassword },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    ({ session } = await signIn(app, {
      companyCode: tenant.code,
      login: admin.login,
      password: secrets.webPassword,
    }));
    const enrolment = await call(session, { method: 'POST', url: '/api/auth/second-factor/enrolment' });
    const webTotp: string = enrolment.json().secret;
    secrets.webTotp = webTotp;
    const confirmed = await call(session, {
      method: 'POST',
      url: '/api/auth/second-factor/confirmation',
      payload: { code: currentTotp(webTotp, app.ctx.now()) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    secrets.recoveryCode = confirmed.json().recoveryCodes[0];

    // Its ONSS connection's private key, a webhook secret, an API key, a licence code.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    secrets.onssPrivateKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const onss = await call(session, {
      method: 'PUT',
      url: '/api/company/onss-connection',
      payload: { environment: 'simulator', clientId: 'ciao-test', privateKeyPem: secrets.onssPrivateKey },
    });
    expect(onss.statusCode, onss.body).toBe(200);
    const webhook = await call(session, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'https://erp.example.be/hooks/ciao', events: ['agent.updated'] },
    });
    expect(webhook.statusCode, webhook.body).toBe(201);
    secrets.webhookSecret = webhook.json().secret;
    const apiKey = await call(session, {
      method: 'POST',
      url: '/api/api-keys',
      payload: { name: 'ERP', scopes: ['read'] },
    });
    expect(apiKey.statusCode, apiKey.body).toBe(201);
    secrets.apiKey = apiKey.json().key;
    const licence = await call(session, {
      method: 'POST',
      url: '/api/licences',
      payload: { label: 'Phones', maxDevices: 2, expiresAt: '2999-12-31T23:00:00+01:00' },
    });
    expect(licence.statusCode, licence.body).toBe(201);
    secrets.licenceCode = licence.json().code;

    // An agent with an agent-app password, a phone activated with the code, the agent signed in.
    secrets.mobilePassword = 'mobile-pass-7391';
    const agent = await call(session, {
      method: 'POST',
      url: '/api/agents',
      payload: {
        identifier: 'SECRET',
        firstName: 'Ada',
        lastName: 'Lovelace',
        mobileAccess: true,
        mobilePassword: secrets.mobilePassword,
        activeFrom: '2026-01-01',
      },
    });
    expect(agent.statusCode, agent.body).toBe(201);
    const activated = await app.inject({
      method: 'POST',
      url: '/api/agent/v1/activation',
      payload: {
        licenceCode: secrets.licenceCode,
        installationId: 'install-secrets',
        platform: 'android',
        appVersion: '1.0.0',
      },
    });
    expect(activated.statusCode, activated.body).toBe(200);
    secrets.deviceToken = activated.json().deviceToken;
    const agentSignIn = await app.inject({
      method: 'POST',
      url: '/api/agent/v1/sign-in',
      headers: { authorization: `Bearer ${secrets.deviceToken}` },
      payload: { login: `SECRET@${tenant.code}`, password: secrets.mobilePassword },
    });
    expect(agentSignIn.statusCode, agentSignIn.body).toBe(200);
    secrets.agentToken = agentSignIn.json().agentToken;

    // A password-reset link, e-mailed: the outbox keeps the message, not the usable link.
    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { companyCode: tenant.code, login: admin.login },
    });
    expect(reset.statusCode).toBe(202);
    await createEmailOutbox(app.ctx, { transport, logger: silent }).runPass();
    const mail = smtp.received.findLast((candidate) =>
      JSON.stringify(candidate.to).includes('admin@example.be'),
    );
    secrets.passwordLinkToken = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(secrets.passwordLinkToken).not.toBe('');

    // An operator: its password link, its password and its authenticator.
    const operatorLink = await createOperator(
      { db: app.ctx.db, now: app.ctx.now, actor: { type: 'operator', id: 'cli:test' } },
      { email: 'vault.operator@ciao.test', linkBase: 'https://ciao.example.be' },
    );
    const operatorLinkToken = new URL(operatorLink.url).searchParams.get('token')!;
    secrets.operatorPassword = 'an operator passphrase nobody reads';
    const set = await app.inject({
      method: 'POST',
      url: '/api/platform/auth/password',
      payload: { token: operatorLinkToken, password: secrets.operatorPassword },
    });
    expect(set.statusCode, set.body).toBe(200);
    // Used once, the link is dead: what matters is a live one, so issue none other and check this.
    secrets.operatorLinkToken = operatorLinkToken;
    const operatorSignIn = await app.inject({
      method: 'POST',
      url: '/api/platform/auth/sign-in',
      payload: { email: 'vault.operator@ciao.test', password: secrets.operatorPassword },
    });
    const operatorCookie = (name: string) => operatorSignIn.cookies.find((c) => c.name === name)?.value ?? '';
    const operator = {
      cookie: `ciao_operator_session=${operatorCookie('ciao_operator_session')}; ciao_operator_csrf=${operatorCookie('ciao_operator_csrf')}`,
      csrfToken: operatorCookie('ciao_operator_csrf'),
    };
    const operatorEnrolment = await call(operator, { method: 'POST', url: '/api/platform/auth/enrolment' });
    expect(operatorEnrolment.statusCode, operatorEnrolment.body).toBe(200);
    secrets.operatorTotp = operatorEnrolment.json().secret;

    // The browsers' own session ids and CSRF tokens are secrets too.
    secrets.webSessionId = /ciao_session=([^;]+)/.exec(session.cookie)![1]!;
    secrets.webCsrfToken = session.csrfToken;
    secrets.operatorSessionId = operatorCookie('ciao_operator_session');

    const dump = await rawRows();
    const everything = [...dump.entries()];
    expect(everything.length).toBeGreaterThan(20);
    for (const [kind, secret] of Object.entries(secrets)) {
      expect(secret.length, kind).toBeGreaterThanOrEqual(6);
      const forms = [secret, Buffer.from(secret).toString('hex')];
      // A PEM is also checked line by line: its base64 body must not appear in any form.
      if (kind === 'onssPrivateKey') forms.push(...secret.split('\n').filter((line) => line.length > 40));
      for (const [table, rows] of everything) {
        for (const form of forms) {
          const leaking = rows.find((row) => row.includes(form));
          expect(leaking, `${kind} in clear in ${table}`).toBeUndefined();
        }
      }
    }

    const passwordHashes = (await app.ctx.db.execute(
      sql`select password_hash as hash from web_users where id = ${admin.id}
          union all select mobile_password_hash from agents where identifier = 'SECRET'
          union all select password_hash from operators where email = 'vault.operator@ciao.test'`,
    )) as unknown as { rows: { hash: string }[] };
    expect(passwordHashes.rows).toHaveLength(3);
    for (const { hash } of passwordHashes.rows) expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
