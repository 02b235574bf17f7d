import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administrationClient } from './support/admin-client.js';
import { createSubcontractor } from './support/factories.js';
import { sessionFor } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('subcontractors', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const { company, send, newAgent, audit } = administrationClient(() => subject.app);

  it('stores a Belgian enterprise number as 10 digits, or a foreign VAT number, and audits', async () => {
    const { world, admin } = await company();
    const belgian = await send(admin, 'POST', '/api/subcontractors', {
      name: 'Net & Co',
      enterpriseNumber: 'BE 0203.201.340',
      contactEmail: 'info@net.example',
    });
    expect(belgian.statusCode).toBe(201);
    expect(belgian.json()).toMatchObject({
      name: 'Net & Co',
      enterpriseNumber: '0203201340',
      foreignVatNumber: null,
      active: true,
      agentCount: 0,
    });
    const foreign = await send(admin, 'POST', '/api/subcontractors', {
      name: 'Schoon BV',
      foreignVatNumber: 'nl 8532.12.345.B01',
    });
    expect(foreign.json()).toMatchObject({ enterpriseNumber: null, foreignVatNumber: 'NL853212345B01' });

    const id = belgian.json().id as string;
    await newAgent(admin, { subcontractorId: id });
    const renamed = await send(admin, 'PATCH', `/api/subcontractors/${id}`, {
      name: 'Net & Co SRL',
      active: false,
    });
    expect(renamed.json()).toMatchObject({
      name: 'Net & Co SRL',
      active: false,
      enterpriseNumber: '0203201340',
      agentCount: 1,
    });
    const trail = await audit(world, id);
    expect(trail.map((row) => row.action)).toEqual(['subcontractor.created', 'subcontractor.updated']);
    expect(trail[1]).toMatchObject({
      before: { name: 'Net & Co', active: true },
      after: { name: 'Net & Co SRL', active: false },
    });
  });

  it('names the bad field: check digits, missing or double employer identity, Belgian VAT as foreign', async () => {
    const { admin } = await company();
    const post = (payload: object) => send(admin, 'POST', '/api/subcontractors', { name: 'X', ...payload });
    expect((await post({ enterpriseNumber: '0203.201.341' })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'enterpriseNumber', code: 'ENTERPRISE_NUMBER_CHECK_DIGITS' }],
    });
    expect((await post({})).json().errors[0]).toMatchObject({
      path: 'enterpriseNumber',
      code: 'EMPLOYER_ID_REQUIRED',
    });
    expect((await post({ foreignVatNumber: 'BE0203201340' })).json().errors[0]).toMatchObject({
      path: 'foreignVatNumber',
      code: 'FOREIGN_VAT_NUMBER_BELGIAN',
    });
    expect((await post({ foreignVatNumber: '12' })).json().errors[0].code).toBe('FOREIGN_VAT_NUMBER_FORMAT');
    const belgian = (await post({ enterpriseNumber: '0203201340' })).json();
    const both = await send(admin, 'PATCH', `/api/subcontractors/${belgian.id}`, {
      foreignVatNumber: 'FR12345678901',
    });
    expect(both.json().errors[0]).toMatchObject({ path: 'foreignVatNumber', code: 'EMPLOYER_ID_BOTH' });
    // Switching to a foreign identity clears the Belgian one in the same change.
    const switched = await send(admin, 'PATCH', `/api/subcontractors/${belgian.id}`, {
      enterpriseNumber: null,
      foreignVatNumber: 'FR12345678901',
    });
    expect(switched.json()).toMatchObject({ enterpriseNumber: null, foreignVatNumber: 'FR12345678901' });
  });

  it('lists with search on name and numbers, filter and sort; edited by ADMIN and ADMIN_MANAGER only', async () => {
    const { world, admin } = await company();
    const db = subject.app.ctx.db;
    await createSubcontractor(db, world.tenant.id, { name: 'Beta', active: false });
    await createSubcontractor(db, world.tenant.id, { name: 'alpha', enterpriseNumber: '0412345614' });
    const list = await send(admin, 'GET', '/api/subcontractors?sort=name&order=desc');
    expect(list.json().items.map((item: { name: string }) => item.name)).toEqual(['Beta', 'alpha']);
    const byNumber = await send(admin, 'GET', '/api/subcontractors?q=BE 0412.345');
    expect(byNumber.json().items.map((item: { name: string }) => item.name)).toEqual(['alpha']);
    expect((await send(admin, 'GET', '/api/subcontractors?active=false')).json().total).toBe(1);

    const manager = await sessionFor(subject.app, world, 'ADMIN_MANAGER');
    expect(
      (await send(manager, 'POST', '/api/subcontractors', { name: 'M', enterpriseNumber: '0203201340' }))
        .statusCode,
    ).toBe(201);
    const hr = await sessionFor(subject.app, world, 'HR_MANAGER');
    expect((await send(hr, 'GET', '/api/subcontractors')).statusCode).toBe(200);
    const refused = await send(hr, 'POST', '/api/subcontractors', {
      name: 'Y',
      enterpriseNumber: '0203201340',
    });
    expect(refused.statusCode).toBe(403);
  });

  it("answers 404 for another company's subcontractor", async () => {
    const { admin } = await company();
    const other = await company();
    const theirs = await createSubcontractor(subject.app.ctx.db, other.world.tenant.id, { name: 'Theirs' });
    const response = await send(admin, 'PATCH', `/api/subcontractors/${theirs.id}`, { name: 'Mine' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Theirs');
    const list = await send(admin, 'GET', '/api/subcontractors');
    expect(list.json().total).toBe(0);
  });
});
