import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, passwordTokens } from '../src/db/schema/index.js';
import { createEmailOutbox, smtpTransport, type EmailTransport } from '../src/jobs/email-outbox-worker.js';
import { createTenant, createWebUser, testPassword } from './support/factories.js';
import { startSmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, signIn } from './support/web-client.js';

const newPassword = 'a brand new passphrase';
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('invitations and password resets', () => {
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

  const post = (url: string, payload: object) => subject.app.inject({ method: 'POST', url, payload });
  const deliver = () => createEmailOutbox(subject.app.ctx, { transport, logger: silent }).runPass();
  const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

  async function company(name = 'Nettoyage Brillant') {
    const tenant = await createTenant(subject.app.ctx.db, { name });
    const admin = await createWebUser(subject.app.ctx.db, tenant.id, { role: 'ADMIN' });
    const { session } = await signIn(subject.app, {
      companyCode: tenant.code,
      login: admin.login,
      password: testPassword,
    });
    return { tenant, admin, session };
  }

  async function mailTo(address: string) {
    const mail = smtp.received.findLast(
      (candidate) => candidate.to && JSON.stringify(candidate.to).includes(address),
    );
    if (!mail) throw new Error(`no e-mail to ${address}`);
    return mail;
  }

  function linkIn(text: string): string {
    const match = /https:\/\/ciao\.example\.be\/set-password\?token=[A-Za-z0-9_-]+/.exec(text);
    if (!match) throw new Error(`no link in ${text}`);
    return match[0];
  }

  it('delivers an invitation in Dutch whose link sets the password once, then the user signs in', async () => {
    const { tenant, session } = await company();
    const invited = await createWebUser(subject.app.ctx.db, tenant.id, {
      login: 'els',
      displayName: 'Els Peeters',
      email: 'els@example.be',
      language: 'nl',
      role: 'SUPERVISOR',
      passwordHash: null,
    });
    const answer = await asUser(subject.app, session, {
      method: 'POST',
      url: `/api/users/${invited.id}/invitation`,
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ sentTo: 'els@example.be' });
    const expiresAt = new Date(answer.json().expiresAt as string).getTime();
    expect(expiresAt - subject.app.ctx.now().getTime()).toBe(7 * 24 * 3_600_000);

    expect(await deliver()).toMatchObject({ sent: 1 });
    const mail = await mailTo('els@example.be');
    expect(mail.subject).toBe(`Uw toegang tot ciao voor Nettoyage Brillant`);
    expect(mail.text).toContain('Beste Els Peeters,');
    expect(mail.text).toContain(`Bedrijfscode: ${tenant.code}`);
    expect(mail.text).toContain('Gebruikersnaam: els');
    const link = linkIn(mail.text ?? '');
    expect(mail.html).toContain(`href="${link}"`);
    const [row] = await subject.app.ctx.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'els@example.be'));
    expect(row).toMatchObject({ status: 'sent', template: 'invitation', language: 'nl', attempts: 1 });

    const token = tokenOf(link);
    // Only the hash is stored.
    const stored = await subject.app.ctx.db
      .select()
      .from(passwordTokens)
      .where(eq(passwordTokens.userId, invited.id));
    expect(JSON.stringify(stored)).not.toContain(token);

    const lookUp = await post('/api/auth/password-link', { token });
    expect(lookUp.statusCode).toBe(200);
    expect(lookUp.json()).toMatchObject({
      purpose: 'invitation',
      status: 'valid',
      login: 'els',
      companyCode: tenant.code,
      companyName: 'Nettoyage Brillant',
    });

    const tooShort = await post('/api/auth/password-link/completion', { token, password: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('password');

    const done = await post('/api/auth/password-link/completion', { token, password: newPassword });
    expect(done.statusCode).toBe(204);
    const signedIn = await signIn(subject.app, {
      companyCode: tenant.code,
      login: 'els',
      password: newPassword,
    });
    expect(signedIn.response.statusCode).toBe(200);

    expect((await post('/api/auth/password-link', { token })).json()).toMatchObject({ status: 'used' });
    const again = await post('/api/auth/password-link/completion', {
      token,
      password: 'yet another passphrase',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PASSWORD_LINK_USED');

    const audit = await subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.entityId, invited.id)));
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['user.invited', 'auth.invitation_accepted']),
    );
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('answers every reset request alike, mails an English reset link valid one hour, and ends other sessions', async () => {
    const { tenant } = await company('Clean & <Shine>');
    const user = await createWebUser(subject.app.ctx.db, tenant.id, {
      login: 'john',
      displayName: 'John <b>Smith</b>',
      email: 'john@example.be',
      language: 'en',
    });
    const { session } = await signIn(subject.app, {
      companyCode: tenant.code,
      login: 'john',
      password: testPassword,
    });

    const known = await post('/api/auth/password-reset', {
      companyCode: tenant.code.toLowerCase(),
      login: 'JOHN@example.be',
    });
    const unknown = await post('/api/auth/password-reset', { companyCode: tenant.code, login: 'nobody' });
    const noCompany = await post('/api/auth/password-reset', { companyCode: 'NO-SUCH-CO', login: 'john' });
    for (const answer of [known, unknown, noCompany]) {
      expect(answer.statusCode).toBe(202);
      expect(answer.body).toBe(known.body);
    }
    const queued = await subject.app.ctx.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.tenantId, tenant.id));
    expect(queued).toHaveLength(1);

    await deliver();
    const mail = await mailTo('john@example.be');
    expect(mail.subject).toBe('Reset your ciao password');
    expect(mail.text).toContain('Hello John <b>Smith</b>,');
    expect(mail.text).toContain('1 hour');
    // Names and company names are escaped in HTML: nobody's name becomes markup.
    expect(mail.html).toContain('Hello John &lt;b&gt;Smith&lt;/b&gt;,');
    expect(mail.html).toContain('Clean &amp; &lt;Shine&gt;');
    expect(mail.html).not.toContain('<b>Smith');
    const token = tokenOf(linkIn(mail.text ?? ''));
    expect((await post('/api/auth/password-link', { token })).json()).toMatchObject({
      purpose: 'reset',
      status: 'valid',
    });

    const done = await post('/api/auth/password-link/completion', { token, password: newPassword });
    expect(done.statusCode).toBe(204);
    const after = await asUser(subject.app, session, { method: 'GET', url: '/api/auth/session' });
    expect(after.statusCode).toBe(401);
    expect(
      (await signIn(subject.app, { companyCode: tenant.code, login: 'john', password: testPassword }))
        .response.statusCode,
    ).toBe(401);
    expect(
      (await signIn(subject.app, { companyCode: tenant.code, login: 'john', password: newPassword })).response
        .statusCode,
    ).toBe(200);
    expect(user.id).toBeTruthy();
  });

  it('refuses an expired link with its own message, and a newer link replaces an older one', async () => {
    const { tenant } = await company();
    await createWebUser(subject.app.ctx.db, tenant.id, {
      login: 'marie',
      email: 'marie@example.be',
      language: 'fr',
    });
    await post('/api/auth/password-reset', { companyCode: tenant.code, login: 'marie' });
    await deliver();
    const first = tokenOf(linkIn((await mailTo('marie@example.be')).text ?? ''));
    expect((await mailTo('marie@example.be')).subject).toBe('Réinitialisation de votre mot de passe ciao');

    subject.clock.advance(61 * 60_000);
    expect((await post('/api/auth/password-link', { token: first })).json()).toMatchObject({
      status: 'expired',
    });
    const expired = await post('/api/auth/password-link/completion', { token: first, password: newPassword });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().code).toBe('PASSWORD_LINK_EXPIRED');

    await post('/api/auth/password-reset', { companyCode: tenant.code, login: 'marie' });
    await deliver();
    const second = tokenOf(linkIn((await mailTo('marie@example.be')).text ?? ''));
    await post('/api/auth/password-reset', { companyCode: tenant.code, login: 'marie' });
    await deliver();
    const third = tokenOf(linkIn((await mailTo('marie@example.be')).text ?? ''));
    expect(third).not.toBe(second);
    expect((await post('/api/auth/password-link', { token: second })).json()).toMatchObject({
      status: 'expired',
    });
    expect((await post('/api/auth/password-link', { token: third })).json()).toMatchObject({
      status: 'valid',
    });

    const unknown = await post('/api/auth/password-link', { token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PASSWORD_LINK_INVALID');
  });

  it('rate limits reset requests per account, whether or not the account exists', async () => {
    const { tenant } = await company();
    const ask = (login: string) => post('/api/auth/password-reset', { companyCode: tenant.code, login });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await ask('ghost')).statusCode).toBe(202);
    const refused = await ask('ghost');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect((await ask('another-ghost')).statusCode).toBe(202);
    subject.clock.advance(16 * 60_000);
    expect((await ask('ghost')).statusCode).toBe(202);
  });

  it('sends nothing for a suspended company or an inactive user, and refuses invitations without e-mail', async () => {
    const { tenant, session } = await company();
    const inactive = await createWebUser(subject.app.ctx.db, tenant.id, {
      login: 'gone',
      email: 'gone@example.be',
      active: false,
    });
    const noEmail = await createWebUser(subject.app.ctx.db, tenant.id, { login: 'nomail' });
    await post('/api/auth/password-reset', { companyCode: tenant.code, login: 'gone' });
    const missing = await asUser(subject.app, session, {
      method: 'POST',
      url: `/api/users/${noEmail.id}/invitation`,
    });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().code).toBe('USER_HAS_NO_EMAIL');
    const deactivated = await asUser(subject.app, session, {
      method: 'POST',
      url: `/api/users/${inactive.id}/invitation`,
    });
    expect(deactivated.json().code).toBe('USER_INACTIVE');
    const queued = await subject.app.ctx.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.tenantId, tenant.id));
    expect(queued).toEqual([]);
  });

  it('without SMTP, writes the message with its link to the log and marks it logged', async () => {
    const { tenant, session } = await company();
    const user = await createWebUser(subject.app.ctx.db, tenant.id, {
      login: 'logme',
      email: 'logme@example.be',
      language: 'de',
    });
    await asUser(subject.app, session, { method: 'POST', url: `/api/users/${user.id}/invitation` });
    const lines: string[] = [];
    const logger = {
      ...silent,
      info: (...args: unknown[]) => {
        if (typeof args[1] === 'string') lines.push(args[1]);
      },
    };
    const summary = await createEmailOutbox(subject.app.ctx, { transport: null, logger }).runPass();
    expect(summary.logged).toBeGreaterThanOrEqual(1);
    const logged = lines.find((line) => line.includes('logme'));
    expect(logged).toContain('Willkommen!');
    expect(logged).toMatch(/https:\/\/ciao\.example\.be\/set-password\?token=/);
    const [row] = await subject.app.ctx.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'logme@example.be'));
    expect(row?.status).toBe('logged');
  });

  it('retries a failing SMTP server with backoff and gives up on a permanent refusal', async () => {
    const { tenant, session } = await company();
    const user = await createWebUser(subject.app.ctx.db, tenant.id, {
      login: 'retry',
      email: 'retry@example.be',
    });
    await asUser(subject.app, session, { method: 'POST', url: `/api/users/${user.id}/invitation` });
    const failures: Error[] = [
      Object.assign(new Error('Connection refused'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 }),
    ];
    const failing: EmailTransport = {
      send: async () => {
        throw failures.shift();
      },
      close: () => {},
    };
    const outbox = createEmailOutbox(subject.app.ctx, {
      transport: failing,
      logger: silent,
      backoff: { baseMs: 60_000, maxMs: 600_000 },
      random: () => 1,
    });
    expect(await outbox.runPass()).toMatchObject({ retrying: 1 });
    const rowOf = async () =>
      (
        await subject.app.ctx.db
          .select()
          .from(emailOutbox)
          .where(eq(emailOutbox.toAddress, 'retry@example.be'))
      )[0];
    expect(await rowOf()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Connection refused' });
    expect(await outbox.runPass()).toMatchObject({ retrying: 0, failed: 0 });
    subject.clock.advance(60_000);
    expect(await outbox.runPass()).toMatchObject({ failed: 1 });
    expect(await rowOf()).toMatchObject({ status: 'failed', attempts: 2 });
  });
});
