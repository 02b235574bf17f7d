import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, webSessions, webUsers } from '../src/db/schema/index.js';
import { createWebUser, testPassword } from './support/factories.js';
import { createTenantWorld, sessionFor, type TenantWorld } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, signIn, type WebSession } from './support/web-client.js';

describe('users administration', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function company() {
    const world = await createTenantWorld(subject.app);
    const admin = await sessionFor(subject.app, world, 'ADMIN');
    return { world, admin };
  }

  const send = (session: WebSession, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    asUser(subject.app, session, { method, url, payload });

  async function auditRows(world: TenantWorld, action: string) {
    return subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.action, action)));
  }

  it('creates a user who can then sign in, never returns a password, and audits without secrets', async () => {
    const { world, admin } = await company();
    const created = await send(admin, 'POST', '/api/users', {
      login: 'Anne.Dupont',
      displayName: 'Anne Dupont',
      email: 'anne@example.be',
      language: 'nl',
      role: 'HR_MANAGER',
      password: 'a long enough password',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      login: 'Anne.Dupont',
      displayName: 'Anne Dupont',
      email: 'anne@example.be',
      language: 'nl',
      role: 'HR_MANAGER',
      active: true,
      hasPassword: true,
      secondFactorEnabled: false,
      lastLoginAt: null,
      agent: null,
    });
    expect(created.body).not.toMatch(/"password"|Hash"|\$argon2|a long enough password/);

    const signedIn = await signIn(subject.app, {
      companyCode: world.tenant.code,
      login: 'anne.dupont',
      password: 'a long enough password',
    });
    expect(signedIn.response.statusCode).toBe(200);

    const [audit] = await auditRows(world, 'user.created');
    expect(audit).toMatchObject({ actorId: world.users.ADMIN.id, entityId: created.json().id });
    expect(audit?.after).toMatchObject({ login: 'Anne.Dupont', role: 'HR_MANAGER', hasPassword: true });
    expect(JSON.stringify(audit)).not.toMatch(/\$argon2|Hash|a long enough password/);
  });

  it('refuses a login already used in any case, a short password and an unknown language, naming the field', async () => {
    const { admin } = await company();
    const base = { displayName: 'X', role: 'SUPERVISOR', password: 'a long enough password' };
    const duplicate = await send(admin, 'POST', '/api/users', { ...base, login: 'SUPERVISOR' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'DUPLICATE_LOGIN',
      errors: [{ path: 'login', code: 'DUPLICATE_LOGIN' }],
    });
    const short = await send(admin, 'POST', '/api/users', { ...base, login: 'bob', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('VALIDATION_FAILED');
    expect(short.json().errors).toEqual([
      expect.objectContaining({ path: 'password', message: 'must be at least 10 characters' }),
    ]);
    const language = await send(admin, 'POST', '/api/users', { ...base, login: 'bob', language: 'es' });
    expect(language.json().errors.map((error: { path: string }) => error.path)).toEqual(['language']);
  });

  it('answers DUPLICATE_LOGIN, not a server error, when two administrators create the same login at once', async () => {
    const { admin } = await company();
    const payload = {
      login: 'twin',
      displayName: 'Twin',
      role: 'SUPERVISOR',
      password: 'a long enough password',
    };
    const responses = await Promise.all([
      send(admin, 'POST', '/api/users', payload),
      send(admin, 'POST', '/api/users', { ...payload, login: 'TWIN' }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.statusCode === 409)?.json().code).toBe('DUPLICATE_LOGIN');
  });

  it('lists users with search, filters, sort and pages, showing the linked agent', async () => {
    const { world, admin } = await company();
    const agent = await send(admin, 'POST', '/api/agents', {
      identifier: 'JDUPONT',
      firstName: 'Jean',
      lastName: 'Dupont',
    });
    expect(agent.statusCode).toBe(201);
    await createWebUser(subject.app.ctx.db, world.tenant.id, {
      login: 'off',
      role: 'SUPERVISOR',
      active: false,
    });

    const all = await send(admin, 'GET', '/api/users?pageSize=3&sort=login&order=asc');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 8, page: 1, pageSize: 3 });
    expect(all.json().items.map((user: { login: string }) => user.login)).toEqual([
      'admin',
      'admin_manager',
      'hr_manager',
    ]);
    const third = await send(admin, 'GET', '/api/users?pageSize=3&page=3&sort=login&order=asc');
    expect(third.json().items.map((user: { login: string }) => user.login)).toEqual(['off', 'supervisor']);

    const found = await send(admin, 'GET', '/api/users?q=jdup');
    expect(found.json().items).toEqual([
      expect.objectContaining({
        login: 'jdupont',
        role: 'NONE',
        hasPassword: false,
        agent: { id: agent.json().id, identifier: 'JDUPONT' },
      }),
    ]);
    const inactive = await send(admin, 'GET', '/api/users?active=false');
    expect(inactive.json().items.map((user: { login: string }) => user.login)).toEqual(['off']);
    const supervisors = await send(admin, 'GET', '/api/users?role=SUPERVISOR&active=true');
    expect(supervisors.json().total).toBe(1);
    const tooBig = await send(admin, 'GET', '/api/users?pageSize=201');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].path).toBe('query.pageSize');
  });

  it('edits a user and records what changed', async () => {
    const { world, admin } = await company();
    const target = world.users.INSPECTOR;
    const changed = await send(admin, 'PATCH', `/api/users/${target.id}`, {
      displayName: 'Ines Pector',
      email: 'ines@example.be',
      language: 'en',
      role: 'SUPERVISOR',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ displayName: 'Ines Pector', role: 'SUPERVISOR', language: 'en' });
    const read = await send(admin, 'GET', `/api/users/${target.id}`);
    expect(read.json()).toMatchObject({ email: 'ines@example.be', role: 'SUPERVISOR' });
    const [audit] = await auditRows(world, 'user.updated');
    expect(audit?.before).toEqual({
      displayName: target.displayName,
      email: null,
      language: 'fr',
      role: 'INSPECTOR',
    });
    expect(audit?.after).toEqual({
      displayName: 'Ines Pector',
      email: 'ines@example.be',
      language: 'en',
      role: 'SUPERVISOR',
    });
  });

  it('does not let an administrator lock themselves out', async () => {
    const { world, admin } = await company();
    const self = `/api/users/${world.users.ADMIN.id}`;
    for (const payload of [{ role: 'SUPERVISOR' }, { active: false }]) {
      const refused = await send(admin, 'PATCH', self, payload);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('CANNOT_CHANGE_OWN_ACCESS');
      expect(refused.json().errors[0].path).toBe(Object.keys(payload)[0]);
    }
    const password = await send(admin, 'POST', `${self}/password`, { password: 'a long enough password' });
    expect(password.json().code).toBe('CANNOT_CHANGE_OWN_ACCESS');
    const secondFactor = await send(admin, 'POST', `${self}/second-factor/reset`);
    expect(secondFactor.json().code).toBe('CANNOT_CHANGE_OWN_ACCESS');
    const stillAdmin = await send(admin, 'GET', self);
    expect(stillAdmin.json()).toMatchObject({ role: 'ADMIN', active: true });
    // Renaming oneself is fine.
    expect((await send(admin, 'PATCH', self, { displayName: 'Boss', role: 'ADMIN' })).statusCode).toBe(200);
  });

  it('deactivating a user signs them out everywhere and refuses their sign-in', async () => {
    const { world, admin } = await company();
    const target = world.users.SUPERVISOR;
    const theirs = await sessionFor(subject.app, world, 'SUPERVISOR');
    expect((await send(theirs, 'GET', '/api/auth/session')).statusCode).toBe(200);
    const off = await send(admin, 'PATCH', `/api/users/${target.id}`, { active: false });
    expect(off.json().active).toBe(false);
    const after = await send(theirs, 'GET', '/api/auth/session');
    expect(after.statusCode).toBe(401);
    const live = await subject.app.ctx.db.select().from(webSessions).where(eq(webSessions.userId, target.id));
    expect(live.every((session) => session.revokedAt !== null)).toBe(true);
    const again = await signIn(subject.app, {
      companyCode: world.tenant.code,
      login: target.login,
      password: testPassword,
    });
    expect(again.response.statusCode).toBe(401);
  });

  it('lets an administrator set a password (never read back), which signs the user out', async () => {
    const { world, admin } = await company();
    const target = world.users.INSPECTOR;
    const theirs = await sessionFor(subject.app, world, 'INSPECTOR');
    const set = await send(admin, 'POST', `/api/users/${target.id}/password`, {
      password: 'brand new password',
    });
    expect(set.statusCode).toBe(204);
    expect(set.body).toBe('');
    expect((await send(theirs, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const credentials = { companyCode: world.tenant.code, login: target.login };
    expect((await signIn(subject.app, { ...credentials, password: testPassword })).response.statusCode).toBe(
      401,
    );
    const fresh = await signIn(subject.app, { ...credentials, password: 'brand new password' });
    expect(fresh.response.statusCode).toBe(200);
    const short = await send(admin, 'POST', `/api/users/${target.id}/password`, { password: 'short' });
    expect(short.json().errors[0]).toMatchObject({ path: 'password' });
    const [audit] = await auditRows(world, 'user.password_set');
    expect(audit).toMatchObject({ before: { hasPassword: true }, after: { hasPassword: true } });
    expect(JSON.stringify(audit)).not.toMatch(/brand new password|\$argon2/);
  });

  it("resets a user's second factor: secret and recovery codes erased, sessions revoked", async () => {
    const { world, admin } = await company();
    const target = world.users.ADMIN_MANAGER;
    await subject.app.ctx.db
      .update(webUsers)
      .set({
        totpEnabledAt: new Date(),
        totpSecretEncrypted: subject.app.ctx.secretBox.seal(Buffer.from('JBSWY3DPEHPK3PXP')),
        recoveryCodeHashes: ['a', 'b'],
      })
      .where(eq(webUsers.id, target.id));
    const theirs = await sessionFor(subject.app, world, 'ADMIN_MANAGER');
    expect((await send(admin, 'GET', `/api/users/${target.id}`)).json().secondFactorEnabled).toBe(true);
    const reset = await send(admin, 'POST', `/api/users/${target.id}/second-factor/reset`);
    expect(reset.statusCode).toBe(204);
    const [row] = await subject.app.ctx.db.select().from(webUsers).where(eq(webUsers.id, target.id));
    expect(row).toMatchObject({ totpEnabledAt: null, totpSecretEncrypted: null, recoveryCodeHashes: [] });
    expect((await send(theirs, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await send(admin, 'GET', `/api/users/${target.id}`)).json().secondFactorEnabled).toBe(false);
  });

  it("is for administrators only, and answers 404 for another company's user", async () => {
    const { admin } = await company();
    const other = await company();
    for (const role of ['ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const) {
      const session = await sessionFor(subject.app, other.world, role);
      const refused = await send(session, 'GET', '/api/users');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    const foreign = `/api/users/${other.world.users.SUPERVISOR.id}`;
    expect((await send(admin, 'GET', foreign)).statusCode).toBe(404);
    expect((await send(admin, 'PATCH', foreign, { active: false })).statusCode).toBe(404);
    expect(
      (await send(admin, 'POST', `${foreign}/password`, { password: 'a long enough password' })).statusCode,
    ).toBe(404);
    const untouched = await send(await sessionFor(subject.app, other.world, 'ADMIN'), 'GET', foreign);
    expect(untouched.json().active).toBe(true);
  });
});
