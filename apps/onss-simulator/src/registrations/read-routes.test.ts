import { describe, expect, it } from 'vitest';
import { DEMO_DECLARATION_NUMBERS, DEMO_ENTERPRISE_NUMBERS, DEMO_NISS } from '../scenarios.js';
import { createdId, createHarness, validItem, type RegisterAnswer } from '../test-harness.js';
import { createClientKeyPair, signClientAssertion } from '../testing.js';
import { OAUTH, PATHS } from '../wire.js';

const minutesAfter = (start: string, minutes: number) =>
  new Date(Date.parse(start) + minutes * 60_000).toISOString();

describe('GET presenceRegistrations (search)', () => {
  it('requires the period', async () => {
    const onss = await createHarness();
    const response = await onss.get(`${PATHS.search}?ssin=${DEMO_NISS.workers[0]}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().issues.map((issue: { name: string }) => issue.name)).toEqual([
      'startDate',
      'endDate',
    ]);

    const reversed = await onss.get(`${PATHS.search}?startDate=2026-03-02&endDate=2026-03-01`);
    expect(reversed.statusCode).toBe(400);
  });

  it('filters on the Belgian days of the period, the NISS, the declaration and the validity', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 0 } });
    await onss.register([
      // 23:30 UTC on 28 February is 1 March in Brussels.
      validItem({ registrationDate: '2026-02-28T23:30:00Z' }),
      validItem({ registrationDate: '2026-02-28T22:30:00Z' }),
      validItem({ registrationDate: '2026-03-02T07:00:00Z', ssin: DEMO_NISS.workers[1] }),
      validItem({ registrationDate: '2026-03-02T07:00:00Z', ssin: DEMO_NISS.unknownInNationalRegister }),
      validItem({
        registrationDate: '2026-03-02T08:00:00Z',
        contractualRelationshipReference: DEMO_DECLARATION_NUMBERS.hospital,
      }),
    ]);
    const search = async (query: string) => (await onss.get(`${PATHS.search}?${query}`)).json();

    const march1 = await search('startDate=2026-03-01&endDate=2026-03-01');
    expect(march1.items.map((item: { registrationDate: string }) => item.registrationDate)).toEqual([
      '2026-02-28T23:30:00.000Z',
    ]);
    expect((await search('startDate=2026-02-28&endDate=2026-03-02')).totalItems).toBe(5);
    expect(
      (await search(`startDate=2026-03-02&endDate=2026-03-02&ssin=${DEMO_NISS.workers[1]}`)).totalItems,
    ).toBe(1);
    const hospital = await search(
      `startDate=2026-03-02&endDate=2026-03-02&contractualRelationshipReference=${DEMO_DECLARATION_NUMBERS.hospital}`,
    );
    expect(hospital.items).toHaveLength(1);
    expect(hospital.items[0].employer).toEqual({ enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.tenant });
    const failed = await search('startDate=2026-03-02&endDate=2026-03-02&validity=invalid');
    expect(failed.items.map((item: { ssin: string }) => item.ssin)).toEqual([
      DEMO_NISS.unknownInNationalRegister,
    ]);
    expect((await search('startDate=2026-03-02&endDate=2026-03-02&status=validated')).totalItems).toBe(2);
    // Instants are accepted too, both ends included.
    expect((await search('startDate=2026-03-02T07:00:00Z&endDate=2026-03-02T07:00:00Z')).totalItems).toBe(2);
  });

  it('pages by 50 by default and never returns more than 500 results', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    for (let call = 0; call < 3; call += 1) {
      const items = Array.from({ length: 200 }, (_, index) =>
        validItem({ registrationDate: minutesAfter('2026-03-01T00:00:00Z', call * 200 + index) }),
      );
      expect((await onss.register(items, token)).statusCode).toBe(200);
    }
    const search = async (query: string) =>
      (await onss.get(`${PATHS.search}?startDate=2026-03-01&endDate=2026-03-02${query}`, token)).json();

    const first = await search('');
    expect(first).toMatchObject({ page: 1, pageSize: 50, totalItems: 500, totalPages: 10, truncated: true });
    expect(first.items).toHaveLength(50);
    expect(first.items[0].registrationDate).toBe('2026-03-01T00:00:00.000Z');

    const third = await search('&page=3&pageSize=20');
    expect(third.items).toHaveLength(20);
    expect(third.items[0].registrationDate).toBe(minutesAfter('2026-03-01T00:00:00Z', 40));

    const last = await search('&page=2&pageSize=500');
    expect(last.items).toHaveLength(0);
    expect(
      (await onss.get(`${PATHS.search}?startDate=2026-03-01&endDate=2026-03-02&pageSize=501`, token))
        .statusCode,
    ).toBe(400);
  });

  it('shows a client only its own registrations', async () => {
    const onss = await createHarness();
    const id = createdId((await onss.register([validItem()])).json() as RegisterAnswer);

    const other = await createClientKeyPair();
    await onss.admin('POST', '/admin/clients', {
      clientId: 'other-company',
      publicKeyPem: other.publicKeyPem,
    });
    const assertion = await signClientAssertion(other.privateKey, {
      clientId: 'other-company',
      audience: 'http://onss.test/REST/oauth/v5/token',
      issuedAt: onss.clock.now(),
    });
    const token = (
      await onss.tokenRequest({
        grant_type: OAUTH.grantType,
        client_assertion_type: OAUTH.clientAssertionType,
        client_assertion: assertion,
      })
    ).json().access_token;

    expect(
      (await onss.get(`${PATHS.search}?startDate=2026-03-02&endDate=2026-03-02`, token)).json().totalItems,
    ).toBe(0);
    expect((await onss.get(`${PATHS.search}/${id}`, token)).statusCode).toBe(404);
    expect((await onss.get(`${PATHS.search}/${id}`)).statusCode).toBe(200);
  });
});

describe('GET presenceRegistrations/{id}', () => {
  it('returns the registration with its validation history, 404 for an unknown id', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 0 } });
    const item = validItem();
    const id = createdId((await onss.register([item])).json() as RegisterAnswer);
    const response = await onss.get(`${PATHS.search}/${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id,
      registrationDate: '2026-03-02T07:58:00.000Z',
      ssin: item.ssin,
      type: 'in',
      employer: item.employer,
      placeOfWork: item.placeOfWork,
      contractualRelationshipReference: item.contractualRelationshipReference,
      validity: 'valid',
      status: 'VALIDATED',
      remarks: [],
      receivedAt: '2026-03-02T09:00:00.000Z',
      validationHistory: [
        {
          at: '2026-03-02T09:00:00.000Z',
          validity: 'pending',
          status: 'SUCCESSFULLY REGISTERED',
          remarks: [],
        },
        { at: '2026-03-02T09:00:00.000Z', validity: 'valid', status: 'VALIDATED', remarks: [] },
      ],
    });

    const missing = await onss.get(`${PATHS.search}/${id + 100}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ type: 'urn:problem-type:belgif:resourceNotFound', status: 404 });
    expect((await onss.get(`${PATHS.search}/abc`)).statusCode).toBe(400);
  });
});

describe('POST presenceRegistrations/{id}/cancel', () => {
  it('cancels with a reason, records it in the history, and refuses a second cancellation', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 0 } });
    const token = await onss.token();
    const id = createdId((await onss.register([validItem()], token)).json() as RegisterAnswer);
    onss.clock.advance(60_000);

    const cancelled = await onss.post(`${PATHS.search}/${id}/cancel`, { reason: 'disease' }, token);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'SUCCESSFULLY CANCELLED',
      cancellationReason: 'DISEASE',
    });
    expect(cancelled.json().validationHistory.at(-1)).toEqual({
      at: '2026-03-02T09:01:00.000Z',
      validity: 'valid',
      status: 'SUCCESSFULLY CANCELLED',
      remarks: [],
      cancellationReason: 'DISEASE',
    });

    const again = await onss.post(`${PATHS.search}/${id}/cancel`, { reason: 'HOLIDAY' }, token);
    expect(again.statusCode).toBe(409);
    const search = await onss.get(
      `${PATHS.search}?startDate=2026-03-02&endDate=2026-03-02&status=SUCCESSFULLY%20CANCELLED`,
      token,
    );
    expect(search.json().items.map((item: { id: number }) => item.id)).toEqual([id]);
  });

  it('refuses a cancellation without one of the four ONSS reasons', async () => {
    const onss = await createHarness();
    const token = await onss.token();
    const id = createdId((await onss.register([validItem()], token)).json() as RegisterAnswer);
    for (const body of [{}, { reason: 'BORED' }]) {
      const response = await onss.post(`${PATHS.search}/${id}/cancel`, body, token);
      expect(response.statusCode).toBe(400);
    }
    expect((await onss.get(`${PATHS.search}/${id}`, token)).json().status).toBe('SUCCESSFULLY REGISTERED');
  });
});
