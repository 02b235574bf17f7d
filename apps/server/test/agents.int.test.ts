import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webUsers } from '../src/db/schema/index.js';
import { administrationClient } from './support/admin-client.js';
import { createSubcontractor, createWebUser } from './support/factories.js';
import { sessionFor } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const validNiss = '85.07.30-033.28';

describe('agents administration', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const { company, send, newAgent, agentRow, audit } = administrationClient(() => subject.app);

  it('creates an agent with its web user (login from the identifier, role NONE, no password), audited', async () => {
    const { world, admin } = await company();
    const created = await newAgent(admin, {
      identifier: ' jdupont ',
      niss: validNiss,
      agentType: 'field',
      employmentStatus: 'temporary',
      language: 'nl',
      email: 'jean@example.be',
      mobileAccess: true,
      mobilePassword: '482915',
      activeFrom: '2026-01-01',
    });
    expect(created.statusCode).toBe(201);
    const agent = created.json();
    expect(agent).toMatchObject({
      identifier: 'JDUPONT',
      niss: '85073003328',
      nissMasked: false,
      agentType: 'FIELD',
      employmentStatus: 'temporary',
      employer: { kind: 'own', subcontractorId: null, name: world.tenant.name },
      mobileAccess: true,
      mobileIdentifier: 'JDUPONT',
      hasMobilePassword: true,
      activeFrom: '2026-01-01',
      activeUntil: null,
      user: { login: 'jdupont', role: 'NONE', active: true },
    });
    expect(created.body).not.toMatch(/482915|\$argon2|Hash"/);
    const [user] = await subject.app.ctx.db.select().from(webUsers).where(eq(webUsers.agentId, agent.id));
    expect(user).toMatchObject({
      login: 'jdupont',
      role: 'NONE',
      passwordHash: null,
      language: 'nl',
      email: 'jean@example.be',
    });

    const agentAudit = await audit(world, agent.id);
    expect(agentAudit).toHaveLength(1);
    expect(agentAudit[0]).toMatchObject({ action: 'agent.created', actorId: world.users.ADMIN.id });
    expect(agentAudit[0]!.after).toMatchObject({ identifier: 'JDUPONT', niss: '85.07.**-***.**' });
    const userAudit = await audit(world, user!.id);
    expect(userAudit).toEqual([
      expect.objectContaining({ action: 'user.created', requestId: agentAudit[0]!.requestId }),
    ]);
    expect(JSON.stringify([agentAudit, userAudit])).not.toMatch(/85073003328|482915|\$argon2|Hash"/);
  });

  it("gives the automatic user a suffixed login when the identifier's is taken; only an admin picks its role", async () => {
    const { world, admin } = await company();
    await createWebUser(subject.app.ctx.db, world.tenant.id, { login: 'MARIE' });
    const first = await newAgent(admin, { identifier: 'marie', userRole: 'SUPERVISOR' });
    expect(first.json().user).toMatchObject({ login: 'marie-2', role: 'SUPERVISOR' });
    const hr = await sessionFor(subject.app, world, 'HR_MANAGER');
    const refused = await newAgent(hr, { userRole: 'SUPERVISOR' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', errors: [{ path: 'userRole' }] });
    const byHr = await newAgent(hr, { identifier: 'MARIE.B' });
    expect(byHr.statusCode).toBe(201);
    // Managers do not see users: the linked user is not in their answer.
    expect(byHr.json()).not.toHaveProperty('user');
    const [user] = await subject.app.ctx.db
      .select()
      .from(webUsers)
      .where(eq(webUsers.agentId, byHr.json().id));
    expect(user).toMatchObject({ login: 'marie.b', role: 'NONE' });
  });

  it('names the bad field: NISS with its code, dates, duplicates, short password, foreign subcontractor', async () => {
    const { admin } = await company();
    const badNiss = await newAgent(admin, { niss: '85.07.30-033.29' });
    expect(badNiss.statusCode).toBe(400);
    expect(badNiss.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'niss', code: 'NISS_CHECK_DIGITS' }],
    });
    const future = await newAgent(admin, { niss: '99.12.31-001.01' });
    expect(future.json().errors[0].path).toBe('niss');

    const dates = await newAgent(admin, { activeFrom: '2026-02-01', activeUntil: '2026-01-31' });
    expect(dates.json().errors).toEqual([expect.objectContaining({ path: 'activeUntil' })]);

    const duplicate = await newAgent(admin, { identifier: 'field1' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'DUPLICATE_IDENTIFIER',
      errors: [{ path: 'identifier', code: 'DUPLICATE_IDENTIFIER' }],
    });
    const duplicateMobile = await newAgent(admin, { mobileIdentifier: 'Field1' });
    expect(duplicateMobile.json()).toMatchObject({
      code: 'DUPLICATE_IDENTIFIER',
      errors: [{ path: 'mobileIdentifier' }],
    });

    const short = await newAgent(admin, { mobilePassword: '12345' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      expect.objectContaining({ path: 'mobilePassword', message: 'must be at least 6 characters' }),
    ]);
    const at = await newAgent(admin, { identifier: 'TEST@DEMO' });
    expect(at.json().errors[0].path).toBe('identifier');

    const other = await company();
    const foreign = await createSubcontractor(subject.app.ctx.db, other.world.tenant.id);
    const wrongEmployer = await newAgent(admin, { subcontractorId: foreign.id });
    expect(wrongEmployer.json().errors).toEqual([
      expect.objectContaining({ path: 'subcontractorId', code: 'SUBCONTRACTOR_NOT_FOUND' }),
    ]);

    // On a change, the dates are checked against the stored ones.
    const agent = (await newAgent(admin, { activeFrom: '2026-03-01' })).json();
    const before = await send(admin, 'PATCH', `/api/agents/${agent.id}`, { activeUntil: '2026-02-01' });
    expect(before.json().errors).toEqual([
      expect.objectContaining({ path: 'activeUntil', code: 'DATE_RANGE' }),
    ]);
    expect((await agentRow(agent.id)).activeUntil).toBeNull();
  });

  it('answers DUPLICATE_IDENTIFIER, not a server error, when the same agent is created twice at once', async () => {
    const { admin } = await company();
    const responses = await Promise.all([
      newAgent(admin, { identifier: 'TWIN', mobilePassword: '482915' }),
      newAgent(admin, { identifier: 'twin', mobilePassword: '482915' }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.statusCode === 409)?.json()).toMatchObject({
      code: 'DUPLICATE_IDENTIFIER',
      errors: [{ path: 'identifier' }],
    });
  });

  it('lists agents with search, filters, sort, pages and the employer', async () => {
    const { world, admin } = await company();
    const sub = await createSubcontractor(subject.app.ctx.db, world.tenant.id, { name: 'Net & Co' });
    await newAgent(admin, {
      identifier: 'B1',
      firstName: 'Zoé',
      lastName: 'Martin',
      subcontractorId: sub.id,
    });
    await newAgent(admin, { identifier: 'B2', firstName: 'Yves', lastName: 'Martin', active: false });
    const page = await send(admin, 'GET', '/api/agents?pageSize=2&sort=identifier&order=desc');
    expect(page.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.json().items.map((item: { identifier: string }) => item.identifier)).toEqual([
      'FIELD1',
      'B2',
    ]);
    const search = await send(admin, 'GET', '/api/agents?q=zoé mar');
    expect(search.json().items).toEqual([
      expect.objectContaining({
        identifier: 'B1',
        employer: { kind: 'subcontractor', subcontractorId: sub.id, name: 'Net & Co' },
      }),
    ]);
    const bySub = await send(admin, 'GET', `/api/agents?employer=${sub.id}`);
    expect(bySub.json().total).toBe(1);
    const own = await send(admin, 'GET', '/api/agents?employer=own&active=true&sort=identifier');
    expect(own.json().items.map((item: { identifier: string }) => item.identifier)).toEqual([
      'ADM1',
      'FIELD1',
    ]);
    const adm = await send(admin, 'GET', '/api/agents?agentType=adm');
    expect(adm.json().items.map((item: { identifier: string }) => item.identifier)).toEqual(['ADM1']);
    const noApp = await send(admin, 'GET', '/api/agents?mobileAccess=false&employmentStatus=employee');
    expect(noApp.json().total).toBe(3);
    const wildcard = await send(admin, 'GET', '/api/agents?q=%25');
    expect(wildcard.json().total).toBe(0);
  });

  it("answers 404 for another company's agent and leaves it untouched", async () => {
    const { admin } = await company();
    const other = await company();
    const url = `/api/agents/${other.world.fieldAgentId}`;
    expect((await send(admin, 'GET', url)).statusCode).toBe(404);
    expect((await send(admin, 'PATCH', url, { active: false })).statusCode).toBe(404);
    expect((await send(admin, 'PUT', `${url}/mobile-password`, { password: '482915' })).statusCode).toBe(404);
    expect((await agentRow(other.world.fieldAgentId)).active).toBe(true);
  });
});
