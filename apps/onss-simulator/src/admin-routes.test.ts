import { describe, expect, it } from 'vitest';
import { DEMO_DECLARATION_NUMBERS, DEMO_ENTERPRISE_NUMBERS } from './scenarios.js';
import { createdId, createHarness, validItem, type RegisterAnswer } from './test-harness.js';
import { NOT_CREATED_CODES, PATHS } from './wire.js';

describe('admin API', () => {
  it('logs every register call with its items, in order, for exactly-once assertions', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    const first = [validItem(), validItem({ ssin: 'bad' })];
    await onss.register(first, token);
    await onss.register([], token);
    await onss.register([validItem({ type: 'out' })], 'wrong-token');

    const calls = (await onss.admin('GET', '/admin/received')).json().calls;
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({
      sequence: 1,
      receivedAt: '2026-03-02T09:00:00.000Z',
      clientId: onss.clientId,
      items: first,
      httpStatus: 200,
      processed: true,
    });
    expect(calls[0].results[0]).toHaveProperty('createdPresenceRegistration');
    expect(calls[0].results[1]).toHaveProperty('notCreatedPresenceRegistration');
    expect(calls[1]).toMatchObject({ sequence: 2, items: [], httpStatus: 400, processed: false });
    expect(calls[2]).toMatchObject({ sequence: 3, clientId: null, httpStatus: 401, processed: false });
  });

  it('lists every registration of every client with its history and client id', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 0 } });
    const id = createdId((await onss.register([validItem()])).json() as RegisterAnswer);
    const all = (await onss.admin('GET', '/admin/registrations')).json().registrations;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id, clientId: onss.clientId, status: 'VALIDATED' });
    expect(all[0].validationHistory).toHaveLength(2);
    expect(
      (await onss.admin('GET', '/admin/registrations?clientId=someone-else')).json().registrations,
    ).toEqual([]);
  });

  it('resets to the boot state: no registrations, no log, no clients, no faults, demo data back', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    await onss.register([validItem()], token);
    await onss.admin('PUT', '/admin/reference-data', {});
    await onss.admin('PUT', '/admin/faults', { latencyMs: 10 });
    await onss.admin('PUT', '/admin/settings', { validationDelayMs: 0 });

    expect((await onss.admin('POST', '/admin/reset')).statusCode).toBe(200);

    expect((await onss.admin('GET', '/admin/registrations')).json().registrations).toEqual([]);
    expect((await onss.admin('GET', '/admin/received')).json().calls).toEqual([]);
    expect((await onss.admin('GET', '/admin/clients')).json().clients).toEqual([]);
    expect((await onss.admin('GET', '/admin/faults')).json().latencyMs).toBe(0);
    expect((await onss.admin('GET', '/admin/settings')).json().validationDelayMs).toBe(2_000);
    const declarations = (await onss.admin('GET', '/admin/reference-data')).json().declarations;
    expect(declarations.map((d: { number: string }) => d.number)).toContain(
      DEMO_DECLARATION_NUMBERS.officeTower,
    );
    expect((await onss.register([validItem()], token)).statusCode).toBe(401);
  });

  it('replaces the reference data with PUT and merges it with PATCH', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    const declaration = {
      number: 'abcd 1234 efgh 5',
      mainContractor: 'BE 0777.123.418',
      startDate: '2026-01-01',
    };
    const put = await onss.admin('PUT', '/admin/reference-data', { declarations: [declaration] });
    expect(put.json().declarations).toEqual([
      {
        number: 'ABCD1234EFGH5',
        mainContractor: DEMO_ENTERPRISE_NUMBERS.tenant,
        subcontractors: [],
        startDate: '2026-01-01',
        endDate: null,
        active: true,
        subjectToRegistration: true,
      },
    ]);
    const refused = (await onss.register([validItem()], token)).json();
    expect(refused.items[0].notCreatedPresenceRegistration.reasons[0].code).toBe(
      NOT_CREATED_CODES.unknownReference,
    );

    await onss.admin('POST', '/admin/scenarios/demo');
    const merged = await onss.admin('PATCH', '/admin/reference-data', { declarations: [declaration] });
    expect(merged.json().declarations).toHaveLength(6);
    expect((await onss.register([validItem()], token)).json().items[0]).toHaveProperty(
      'createdPresenceRegistration',
    );

    const invalid = await onss.admin('PUT', '/admin/reference-data', {
      declarations: [{ ...declaration, mainContractor: '0777123419' }],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().issues[0].name).toBe('declarations[0].mainContractor');
  });

  it('loads named scenarios and refuses unknown ones', async () => {
    const onss = await createHarness({ scenario: 'empty' });
    expect((await onss.admin('GET', '/admin/reference-data')).json().declarations).toEqual([]);
    const demo = await onss.admin('POST', '/admin/scenarios/demo');
    expect(demo.json().referenceData.declarations).toHaveLength(5);
    expect((await onss.admin('POST', '/admin/scenarios/nope')).statusCode).toBe(404);
  });

  it('refuses a client registration without a readable key', async () => {
    const onss = await createHarness();
    const response = await onss.admin('POST', '/admin/clients', {
      clientId: 'broken',
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await onss.admin('POST', '/admin/clients', { clientId: 'no-key' })).statusCode).toBe(400);
  });

  it('moves the simulator clock for callers in another process', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    const id = createdId((await onss.register([validItem()], token)).json() as RegisterAnswer);
    const moved = await onss.admin('PUT', '/admin/clock', { advanceMs: 5_000 });
    expect(moved.json()).toEqual({ now: '2026-03-02T09:00:05.000Z', offsetMs: 5_000 });
    expect((await onss.get(`${PATHS.search}/${id}`, token)).json().status).toBe('VALIDATED');
    expect((await onss.admin('PUT', '/admin/clock', { now: '2026-03-03T00:00:00Z' })).json().now).toBe(
      '2026-03-03T00:00:00.000Z',
    );
  });

  it('answers unknown routes with problem+json 404', async () => {
    const onss = await createHarness();
    const response = await onss.admin('GET', '/REST/presenceRegistration/v2/nothing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ type: 'urn:problem-type:belgif:resourceNotFound', status: 404 });
  });
});
