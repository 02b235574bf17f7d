import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../src/db/schema/index.js';
import { administrationClient } from './support/admin-client.js';
import { sessionFor } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('clients and sites', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const { company, send, audit } = administrationClient(() => subject.app);

  it('creates and edits a client, storing the enterprise number as 10 digits, and audits', async () => {
    const { world, admin } = await company();
    const created = await send(admin, 'POST', '/api/clients', {
      name: 'Immo Louise',
      reference: 'IL-01',
      enterpriseNumber: 'BE 0203.201.340',
      vatNumber: 'be 0203.201.340',
      contactEmail: 'info@immo.example',
      address: { street: 'Avenue Louise', houseNumber: '231', postCode: '1050', municipality: 'Ixelles' },
    });
    expect(created.statusCode).toBe(201);
    const client = created.json();
    expect(client).toMatchObject({
      name: 'Immo Louise',
      enterpriseNumber: '0203201340',
      vatNumber: 'BE0203201340',
      address: { street: 'Avenue Louise', country: 'BE', boxNumber: null },
      active: true,
      siteCount: 0,
    });
    const edited = await send(admin, 'PATCH', `/api/clients/${client.id}`, {
      name: 'Immo Louise SA',
      active: false,
    });
    expect(edited.json()).toMatchObject({ name: 'Immo Louise SA', active: false, reference: 'IL-01' });
    expect((await send(admin, 'GET', `/api/clients/${client.id}`)).json().name).toBe('Immo Louise SA');
    const trail = await audit(world, client.id);
    expect(trail.map((row) => row.action)).toEqual(['client.created', 'client.updated']);
    expect(trail[1]).toMatchObject({
      before: { name: 'Immo Louise', active: true },
      after: { name: 'Immo Louise SA', active: false },
    });
  });

  it('lists clients with search, filter, sort by name and pages', async () => {
    const { admin } = await company();
    for (const name of ['Bravo', 'alpha', 'Charlie'])
      await send(admin, 'POST', '/api/clients', { name, active: name !== 'Charlie' });
    const page = (await send(admin, 'GET', '/api/clients?sort=name&pageSize=2')).json();
    // The world's own client is named "Client".
    expect(page.items.map((item: { name: string }) => item.name)).toEqual(['alpha', 'Bravo']);
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    const desc = (await send(admin, 'GET', '/api/clients?sort=name&order=desc&active=true')).json();
    expect(desc.items.map((item: { name: string }) => item.name)).toEqual(['Client', 'Bravo', 'alpha']);
    expect((await send(admin, 'GET', '/api/clients?q=char')).json().items).toHaveLength(1);
    expect((await send(admin, 'GET', '/api/clients?pageSize=500')).statusCode).toBe(400);
  });

  it("names the client's bad fields with the parser's code", async () => {
    const { admin } = await company();
    const bad = await send(admin, 'POST', '/api/clients', {
      name: 'X',
      enterpriseNumber: '0203.201.341',
      vatNumber: '12',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'enterpriseNumber', code: 'ENTERPRISE_NUMBER_CHECK_DIGITS' },
        { path: 'vatNumber', code: 'VAT_NUMBER_FORMAT' },
      ],
    });
    expect((await send(admin, 'POST', '/api/clients', { name: '' })).json().errors[0].path).toBe('name');
  });

  it('creates a site with the company default radius, parses the work declaration number, edits and audits', async () => {
    const { world, admin } = await company();
    await subject.app.ctx.db
      .update(tenants)
      .set({ settings: { defaultGeofenceRadiusMeters: 300 } })
      .where(eq(tenants.id, world.tenant.id));
    const created = await send(admin, 'POST', '/api/sites', {
      clientId: world.clientId,
      name: 'Louise 231',
      latitude: 50.8275,
      longitude: 4.3653,
      workDeclarationNumber: ' 1y10 2m7n zf7pz ',
      costCentre: 'CC-7',
    });
    expect(created.statusCode).toBe(201);
    const site = created.json();
    expect(site).toMatchObject({
      clientId: world.clientId,
      clientName: 'Client',
      geofenceRadiusMeters: 300,
      workDeclarationNumber: '1Y102M7NZF7PZ',
      subjectToOnss: true,
      active: true,
    });
    const withoutSetting = await company();
    const plain = await send(withoutSetting.admin, 'POST', '/api/sites', {
      clientId: withoutSetting.world.clientId,
      name: 'Plain',
    });
    expect(plain.json()).toMatchObject({ geofenceRadiusMeters: 150, latitude: null, longitude: null });

    const edited = await send(admin, 'PATCH', `/api/sites/${site.id}`, {
      geofenceRadiusMeters: 80,
      subjectToOnss: false,
      workDeclarationNumber: null,
    });
    expect(edited.json()).toMatchObject({
      geofenceRadiusMeters: 80,
      subjectToOnss: false,
      workDeclarationNumber: null,
    });
    const trail = await audit(world, site.id);
    expect(trail.map((row) => row.action)).toEqual(['site.created', 'site.updated']);
    expect(trail[1]).toMatchObject({
      before: { geofenceRadiusMeters: 300, subjectToOnss: true, workDeclarationNumber: '1Y102M7NZF7PZ' },
      after: { geofenceRadiusMeters: 80, subjectToOnss: false, workDeclarationNumber: null },
    });
    const listed = await send(admin, 'GET', `/api/sites?clientId=${world.clientId}&q=louise&active=true`);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([site.id]);
  });

  it("names the site's bad fields: coordinates, radius, declaration number, another company's client", async () => {
    const { world, admin } = await company();
    const other = await company();
    const post = (payload: object) =>
      send(admin, 'POST', '/api/sites', { clientId: world.clientId, name: 'S', ...payload });
    const errorsOf = async (payload: object) => {
      const response = await post(payload);
      expect(response.statusCode).toBe(400);
      return response.json().errors as { path: string; code: string }[];
    };
    expect(await errorsOf({ latitude: 50.8 })).toEqual([
      expect.objectContaining({ path: 'longitude', code: 'COORDINATES_INCOMPLETE' }),
    ]);
    expect((await errorsOf({ latitude: 91, longitude: 4 }))[0]!.path).toBe('latitude');
    expect((await errorsOf({ latitude: 50, longitude: -181 }))[0]!.path).toBe('longitude');
    expect((await errorsOf({ geofenceRadiusMeters: 9 }))[0]!.path).toBe('geofenceRadiusMeters');
    expect((await errorsOf({ geofenceRadiusMeters: 5001 }))[0]!.path).toBe('geofenceRadiusMeters');
    expect(await errorsOf({ workDeclarationNumber: '1Y102M7NZF7P' })).toEqual([
      expect.objectContaining({ path: 'workDeclarationNumber', code: 'WORK_DECLARATION_NUMBER_FORMAT' }),
    ]);
    expect(await errorsOf({ clientId: other.world.clientId })).toEqual([
      expect.objectContaining({ path: 'clientId', code: 'CLIENT_NOT_FOUND' }),
    ]);
    // The pair rule applies to the site as it would become.
    const patched = await send(admin, 'PATCH', `/api/sites/${world.siteId}`, { latitude: null });
    expect(patched.json().errors[0]).toMatchObject({ path: 'latitude', code: 'COORDINATES_INCOMPLETE' });
  });

  it("answers 404 for another company's client or site, and lets only the allowed roles write", async () => {
    const { world, admin } = await company();
    const other = await company();
    expect((await send(admin, 'GET', `/api/clients/${other.world.clientId}`)).statusCode).toBe(404);
    expect(
      (await send(admin, 'PATCH', `/api/clients/${other.world.clientId}`, { name: 'X' })).statusCode,
    ).toBe(404);
    expect((await send(admin, 'GET', `/api/sites/${other.world.siteId}`)).statusCode).toBe(404);
    expect((await send(admin, 'PATCH', `/api/sites/${other.world.siteId}`, { name: 'X' })).statusCode).toBe(
      404,
    );
    expect((await send(admin, 'GET', '/api/sites')).json().items.map((s: { id: string }) => s.id)).toEqual([
      world.siteId,
    ]);

    const site = { clientId: world.clientId, name: 'By role' };
    const hr = await sessionFor(subject.app, world, 'HR_MANAGER');
    const denied = await send(hr, 'POST', '/api/sites', site);
    expect(denied.statusCode).toBe(403);
    expect((await send(hr, 'GET', '/api/sites')).statusCode).toBe(200);
    const manager = await sessionFor(subject.app, world, 'ADMIN_MANAGER');
    expect((await send(manager, 'POST', '/api/sites', site)).statusCode).toBe(201);
    expect((await send(manager, 'POST', '/api/clients', { name: 'By manager' })).statusCode).toBe(201);
  });
});
