import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, agentTokens, webUsers } from '../src/db/schema/index.js';
import { administrationClient } from './support/admin-client.js';
import { createAgentToken } from './support/factories.js';
import { sessionFor } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const managers = ['ADMIN_MANAGER', 'HR_MANAGER'] as const;

describe('who may do what to agents, and what it revokes', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const { company, send, newAgent, sessionOf, agentRow, audit } = administrationClient(() => subject.app);

  it.each(managers)('refuses ADM and GST agents to %s: create, edit, change type, password', async (role) => {
    const { world, admin } = await company();
    const manager = await sessionFor(subject.app, world, role);
    const restricted = `/api/agents/${world.restrictedAgentId}`;
    const attempts = [
      await newAgent(manager, { agentType: 'ADM' }),
      await newAgent(manager, { agentType: 'gst' }),
      await send(manager, 'PATCH', restricted, { firstName: 'Changed' }),
      await send(manager, 'PATCH', restricted, { active: false }),
      await send(manager, 'PATCH', restricted, { agentType: 'FIELD' }),
      await send(manager, 'PATCH', `/api/agents/${world.fieldAgentId}`, { agentType: 'GST' }),
      await send(manager, 'PUT', `${restricted}/mobile-password`, { password: '482915' }),
    ];
    for (const attempt of attempts) {
      expect(attempt.statusCode).toBe(403);
      expect(attempt.json().code).toBe('RESTRICTED_AGENT_TYPE');
    }
    expect((await agentRow(world.restrictedAgentId)).firstName).toBe('Office');
    expect((await agentRow(world.fieldAgentId)).agentType).toBe('FIELD');
    // A field agent is theirs to manage; the ADM agent remains readable.
    expect(
      (await send(manager, 'PATCH', `/api/agents/${world.fieldAgentId}`, { lastName: 'Ok' })).statusCode,
    ).toBe(200);
    expect((await send(manager, 'GET', restricted)).statusCode).toBe(200);
    // The administrator may do all of it.
    expect((await newAgent(admin, { agentType: 'GST' })).statusCode).toBe(201);
    expect((await send(admin, 'PATCH', restricted, { agentType: 'FIELD' })).statusCode).toBe(200);
    expect(
      (await send(admin, 'PUT', `${restricted}/mobile-password`, { password: '482915' })).statusCode,
    ).toBe(204);
  });

  it('never shows credentials to the supervisor, not even as empty keys', async () => {
    const { world } = await company();
    const supervisor = await sessionFor(subject.app, world, 'SUPERVISOR');
    const list = await send(supervisor, 'GET', '/api/agents');
    const one = await send(supervisor, 'GET', `/api/agents/${world.fieldAgentId}`);
    for (const response of [list, one]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(/mobileIdentifier|hasMobilePassword/);
    }
    expect(list.json().items[0]).toHaveProperty('mobileAccess');
    // Nor can a search reveal them.
    await subject.app.ctx.db
      .update(agents)
      .set({ mobileIdentifier: 'SECRETLOGIN' })
      .where(eq(agents.id, world.fieldAgentId));
    expect((await send(supervisor, 'GET', '/api/agents?q=secretlogin')).json().total).toBe(0);
    const inspector = await sessionFor(subject.app, world, 'INSPECTOR');
    const seen = await send(inspector, 'GET', '/api/agents?q=secretlogin');
    expect(seen.json().items).toEqual([
      expect.objectContaining({ mobileIdentifier: 'SECRETLOGIN', hasMobilePassword: true }),
    ]);
    const refused = await send(supervisor, 'PUT', `/api/agents/${world.fieldAgentId}/mobile-password`, {
      password: '482915',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('masks the NISS in lists; in full only for those who may edit the agent', async () => {
    const { world, admin } = await company();
    await subject.app.ctx.db
      .update(agents)
      .set({ niss: '90022500118' })
      .where(eq(agents.id, world.restrictedAgentId));
    for (const role of ['ADMIN', 'HR_MANAGER', 'SUPERVISOR'] as const) {
      const session = await sessionFor(subject.app, world, role);
      const list = await send(session, 'GET', '/api/agents?sort=identifier');
      expect(list.json().items.map((item: { niss: string }) => item.niss)).toEqual([
        '90.02.**-***.**',
        '85.07.**-***.**',
      ]);
      expect(list.body).not.toMatch(/85073003328|90022500118/);
    }
    const field = `/api/agents/${world.fieldAgentId}`;
    const restricted = `/api/agents/${world.restrictedAgentId}`;
    expect((await send(admin, 'GET', restricted)).json()).toMatchObject({
      niss: '90022500118',
      nissMasked: false,
    });
    const hr = await sessionFor(subject.app, world, 'HR_MANAGER');
    expect((await send(hr, 'GET', field)).json()).toMatchObject({ niss: '85073003328', nissMasked: false });
    expect((await send(hr, 'GET', restricted)).json()).toMatchObject({
      niss: '90.02.**-***.**',
      nissMasked: true,
    });
    const supervisor = await sessionFor(subject.app, world, 'SUPERVISOR');
    expect((await send(supervisor, 'GET', field)).json()).toMatchObject({
      niss: '85.07.**-***.**',
      nissMasked: true,
    });
  });

  it("deactivating an agent deactivates its user, signs it out and revokes the agent's app tokens", async () => {
    const { world, admin } = await company();
    const created = (
      await newAgent(admin, { identifier: 'LEA', userRole: 'SUPERVISOR', mobileAccess: true })
    ).json();
    const user = created.user as { id: string };
    await send(admin, 'POST', `/api/users/${user.id}/password`, { password: 'a long enough password' });
    await send(admin, 'PUT', `/api/agents/${created.id}/mobile-password`, { password: '482915' });
    const session = await sessionOf(world, user.id);
    const token = await createAgentToken(subject.app.ctx.db, {
      tenantId: world.tenant.id,
      agentId: created.id,
      deviceId: world.deviceId,
    });
    const app = (bearer: string) =>
      subject.app.inject({
        method: 'GET',
        url: '/api/agent/v1/me',
        headers: { authorization: `Bearer ${bearer}` },
      });
    expect((await app(token.token)).statusCode).toBe(200);
    expect((await send(session, 'GET', '/api/auth/session')).statusCode).toBe(200);

    const off = await send(admin, 'PATCH', `/api/agents/${created.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, user: { active: false } });
    expect((await app(token.token)).statusCode).toBe(401);
    const [tokenRow] = await subject.app.ctx.db
      .select()
      .from(agentTokens)
      .where(eq(agentTokens.id, token.id));
    expect(tokenRow?.revokedAt).not.toBeNull();
    expect((await send(session, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const audits = await audit(world, created.id);
    expect(audits.at(-1)).toMatchObject({
      action: 'agent.updated',
      before: { active: true },
      after: { active: false, appTokensRevoked: true },
    });

    // Reactivating brings the user back; the revoked token stays revoked.
    const on = await send(admin, 'PATCH', `/api/agents/${created.id}`, { active: true });
    expect(on.json()).toMatchObject({ active: true, user: { active: true } });
    expect((await app(token.token)).statusCode).toBe(401);
  });

  it('removing app access revokes the tokens; a new mobile password too, and is never returned', async () => {
    const { world, admin } = await company();
    const db = subject.app.ctx.db;
    const first = await createAgentToken(db, {
      tenantId: world.tenant.id,
      agentId: world.fieldAgentId,
      deviceId: world.deviceId,
    });
    const set = await send(admin, 'PUT', `/api/agents/${world.fieldAgentId}/mobile-password`, {
      password: '739104',
    });
    expect(set.statusCode).toBe(204);
    expect(set.body).toBe('');
    const row = await agentRow(world.fieldAgentId);
    expect(row.mobilePasswordHash).toMatch(/^\$argon2id\$/);
    const tokens = await db.select().from(agentTokens).where(eq(agentTokens.agentId, world.fieldAgentId));
    expect(tokens.every((token) => token.revokedAt !== null)).toBe(true);
    const short = await send(admin, 'PUT', `/api/agents/${world.fieldAgentId}/mobile-password`, {
      password: '123',
    });
    expect(short.json().errors[0].path).toBe('password');

    const second = await createAgentToken(db, {
      tenantId: world.tenant.id,
      agentId: world.fieldAgentId,
      deviceId: world.deviceId,
    });
    const noApp = await send(admin, 'PATCH', `/api/agents/${world.fieldAgentId}`, { mobileAccess: false });
    expect(noApp.json()).toMatchObject({ mobileAccess: false, active: true, hasMobilePassword: true });
    const [revoked] = await db.select().from(agentTokens).where(eq(agentTokens.id, second.id));
    expect(revoked?.revokedAt).not.toBeNull();
    expect(first.id).not.toBe(second.id);
    const trail = JSON.stringify(await audit(world, world.fieldAgentId));
    expect(trail).toContain('agent.mobile_password_set');
    expect(trail).not.toMatch(/739104|\$argon2|Hash"/);
  });

  it('does not let an administrator deactivate the agent whose user they are, or demote themselves through it', async () => {
    const { world, admin } = await company();
    await subject.app.ctx.db
      .update(webUsers)
      .set({ agentId: world.restrictedAgentId })
      .where(eq(webUsers.id, world.users.ADMIN.id));
    const url = `/api/agents/${world.restrictedAgentId}`;
    const off = await send(admin, 'PATCH', url, { active: false });
    expect(off.statusCode).toBe(409);
    expect(off.json()).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ACCESS', errors: [{ path: 'active' }] });
    const demote = await send(admin, 'PATCH', url, { userRole: 'NONE' });
    expect(demote.json()).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ACCESS', errors: [{ path: 'userRole' }] });
  });
});
