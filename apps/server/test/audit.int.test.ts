import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, sessionFor } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

interface Entry {
  id: number;
  at: string;
  actor: { type: string; id: string | null; name: string | null };
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

describe('audit trail', () => {
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

  const send = (
    session: WebSession,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) => asUser(subject.app, session, { method, url, payload });

  const entries = async (session: WebSession, query = '') => {
    const response = await send(session, 'GET', `/api/audit${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: Entry[]; nextCursor: number | null };
  };

  it('shows every change newest first, with its actor, before and after, and never a secret', async () => {
    const { world, admin } = await company();
    const agent = (
      await send(admin, 'POST', '/api/agents', {
        identifier: 'ZOE',
        firstName: 'Zoé',
        lastName: 'Martin',
        niss: '85.07.30-033.28',
        mobileAccess: true,
        mobilePassword: 'secret-pin-1',
      })
    ).json();
    await send(admin, 'PATCH', `/api/agents/${agent.id}`, { lastName: 'Martin-Dupont' });
    await send(admin, 'PUT', `/api/agents/${agent.id}/mobile-password`, { password: 'secret-pin-2' });
    await send(admin, 'POST', `/api/users/${world.users.SUPERVISOR.id}/password`, {
      password: 'secret web password',
    });
    await send(admin, 'PATCH', '/api/company', { name: 'Renamed' });

    const response = await send(admin, 'GET', '/api/audit');
    const { items, nextCursor } = response.json() as { items: Entry[]; nextCursor: number | null };
    expect(nextCursor).toBeNull();
    expect(items.map((entry) => entry.action)).toEqual([
      'company.updated',
      'user.password_set',
      'agent.mobile_password_set',
      'agent.updated',
      'user.created',
      'agent.created',
    ]);
    expect(items.map((entry) => entry.id)).toEqual([...items.map((entry) => entry.id)].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({
      actor: { type: 'user', id: world.users.ADMIN.id, name: world.users.ADMIN.displayName },
      entityType: 'tenant',
      before: { name: world.tenant.name },
      after: { name: 'Renamed' },
    });
    expect(items[3]).toMatchObject({
      entityType: 'agent',
      entityId: agent.id,
      before: { lastName: 'Martin' },
      after: { lastName: 'Martin-Dupont' },
    });
    expect(items[5]!.after).toMatchObject({
      identifier: 'ZOE',
      hasMobilePassword: true,
      niss: '85.07.**-***.**',
    });
    expect(response.body).not.toMatch(/secret-pin|secret web password|\$argon2|Hash"|85073003328/);
  });

  it('filters by action, entity, actor and time', async () => {
    const { world, admin } = await company();
    const hr = await sessionFor(subject.app, world, 'HR_MANAGER');
    const mine = (
      await send(admin, 'POST', '/api/agents', { identifier: 'A1', firstName: 'A', lastName: 'One' })
    ).json();
    await sleep(50);
    const middle = new Date().toISOString();
    await sleep(50);
    const theirs = (
      await send(hr, 'POST', '/api/agents', { identifier: 'A2', firstName: 'A', lastName: 'Two' })
    ).json();
    await send(hr, 'PATCH', `/api/agents/${theirs.id}`, { firstName: 'B' });

    const created = await entries(admin, '?action=agent.created');
    expect(created.items.map((entry) => entry.entityId)).toEqual([theirs.id, mine.id]);
    const ofOne = await entries(admin, `?entityType=agent&entityId=${theirs.id}`);
    expect(ofOne.items.map((entry) => entry.action)).toEqual(['agent.updated', 'agent.created']);
    const byHr = await entries(admin, `?actorId=${world.users.HR_MANAGER.id}`);
    expect(byHr.items).toHaveLength(3);
    expect(byHr.items.every((entry) => entry.actor.name === world.users.HR_MANAGER.displayName)).toBe(true);
    const early = await entries(admin, `?to=${encodeURIComponent(middle)}`);
    expect(early.items.map((entry) => entry.action)).toEqual(['user.created', 'agent.created']);
    const late = await entries(admin, `?from=${encodeURIComponent(middle)}&entityType=agent`);
    expect(late.items.map((entry) => entry.entityId)).toEqual([theirs.id, theirs.id]);
  });

  it('pages with a cursor, newest first, without overlap', async () => {
    const { admin } = await company();
    for (let index = 0; index < 3; index += 1)
      await send(admin, 'PATCH', '/api/company', { name: `Name ${index}` });
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page = await entries(admin, `?limit=2${cursor ? `&before=${cursor}` : ''}`);
      seen.push(...page.items.map((entry) => entry.id));
      expect(page.items.length).toBeLessThanOrEqual(2);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it("shows only the company's own rows, to administrators only, and checks the query", async () => {
    const { admin } = await company();
    const other = await company();
    const foreign = (
      await send(other.admin, 'POST', '/api/agents', { identifier: 'X1', firstName: 'X', lastName: 'Y' })
    ).json();
    await send(admin, 'PATCH', '/api/company', { name: 'Mine' });
    expect((await entries(admin, `?entityId=${foreign.id}`)).items).toEqual([]);
    expect((await entries(admin)).items.every((entry) => entry.entityId !== foreign.id)).toBe(true);

    for (const role of ['ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const) {
      const refused = await send(await sessionFor(subject.app, other.world, role), 'GET', '/api/audit');
      expect(refused.statusCode).toBe(403);
    }
    const tooMany = await send(admin, 'GET', '/api/audit?limit=201');
    expect(tooMany.json().errors[0].path).toBe('query.limit');
    const backwards = await send(
      admin,
      'GET',
      '/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    );
    expect(backwards.json().errors[0].path).toBe('query.to');
    const notADate = await send(admin, 'GET', '/api/audit?from=yesterday');
    expect(notADate.statusCode).toBe(400);
  });
});
