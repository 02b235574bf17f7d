import { describe, expect, it } from 'vitest';
import { DEMO_DECLARATION_NUMBERS, DEMO_ENTERPRISE_NUMBERS, DEMO_NISS } from '../scenarios.js';
import { createdId, createHarness, reasonCodes, validItem, type RegisterAnswer } from '../test-harness.js';
import { NOT_CREATED_CODES, PATHS, REMARKS } from '../wire.js';

describe('POST presenceRegistrations/registerInBulk', () => {
  it('creates valid items and refuses bad ones item by item, in order, with HTTP 200', async () => {
    const onss = await createHarness();
    const items = [
      validItem(),
      validItem({ ssin: '85073003329' }),
      validItem({ contractualRelationshipReference: 'ZZZZZZZZZZZZZ' }),
      validItem({ employer: { enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.mainContractor } }),
      validItem({ registrationDate: '2026-03-02T10:00:00Z' }),
      validItem({ type: 'break' }),
      validItem({ type: 'OUT', ssin: DEMO_NISS.workers[1] }),
    ];
    const response = await onss.register(items);

    expect(response.statusCode).toBe(200);
    const answer = response.json() as RegisterAnswer;
    expect(answer.items).toHaveLength(7);
    expect(answer.items[0]).toEqual({
      createdPresenceRegistration: { id: expect.any(Number), validity: 'pending', remarks: [] },
    });
    expect(reasonCodes(answer, 1)).toEqual([NOT_CREATED_CODES.invalidSsin]);
    expect(reasonCodes(answer, 2)).toEqual([NOT_CREATED_CODES.unknownReference]);
    expect(reasonCodes(answer, 3)).toEqual([NOT_CREATED_CODES.employerNotOnReference]);
    expect(reasonCodes(answer, 4)).toEqual([NOT_CREATED_CODES.registrationDateInFuture]);
    expect(reasonCodes(answer, 5)).toEqual([NOT_CREATED_CODES.invalidType]);
    expect(createdId(answer, 6)).toBe(createdId(answer, 0) + 1);

    // The refused item is echoed with its reasons, so the client can tell which one it was.
    expect(answer.items[1]).toMatchObject({ notCreatedPresenceRegistration: { ssin: '85073003329' } });

    // The type is recorded lower-case whatever the client sent.
    const stored = await onss.get(`${PATHS.search}/${createdId(answer, 6)}`);
    expect(stored.json().type).toBe('out');
  });

  it('refuses a declaration outside its dates or inactive, and lists every reason found', async () => {
    const onss = await createHarness();
    const answer = (
      await onss.register([
        validItem({ contractualRelationshipReference: DEMO_DECLARATION_NUMBERS.school }),
        validItem({ contractualRelationshipReference: DEMO_DECLARATION_NUMBERS.suspended }),
        validItem({
          ssin: '12345678901',
          type: 'x',
          employer: { enterpriseNumber: '0777123419' },
          contractualRelationshipReference: 'short',
        }),
        validItem({ placeOfWork: { coordinates: { latitude: 120, longitude: 4 } } }),
        validItem({ registrationDate: '2026-02-30T07:00:00Z' }),
        validItem({ registrationDate: '2026-03-02 07:00' }),
      ])
    ).json() as RegisterAnswer;

    expect(reasonCodes(answer, 0)).toEqual([NOT_CREATED_CODES.referenceNotActive]);
    expect(reasonCodes(answer, 1)).toEqual([NOT_CREATED_CODES.referenceNotActive]);
    expect(reasonCodes(answer, 2)).toEqual([
      NOT_CREATED_CODES.invalidSsin,
      NOT_CREATED_CODES.invalidType,
      NOT_CREATED_CODES.invalidEnterpriseNumber,
      NOT_CREATED_CODES.invalidReference,
    ]);
    expect(reasonCodes(answer, 3)).toEqual([NOT_CREATED_CODES.invalidPlaceOfWork]);
    expect(reasonCodes(answer, 4)).toEqual([NOT_CREATED_CODES.invalidRegistrationDate]);
    expect(reasonCodes(answer, 5)).toEqual([NOT_CREATED_CODES.invalidRegistrationDate]);
  });

  it('accepts a subcontractor listed on the declaration and a foreign employer listed by VAT number', async () => {
    const onss = await createHarness();
    await onss.admin('PATCH', '/admin/reference-data', {
      declarations: [
        {
          number: 'F0REIGN000001',
          mainContractor: DEMO_ENTERPRISE_NUMBERS.tenant,
          subcontractors: ['FR12345678901'],
          startDate: '2026-01-01',
        },
      ],
    });
    const answer = (
      await onss.register([
        validItem({ employer: { enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.subcontractor } }),
        validItem({
          employer: { foreignVatNumber: 'FR12345678901' },
          contractualRelationshipReference: 'F0REIGN000001',
          placeOfWork: {
            address: {
              postCode: '1000',
              municipalityName: 'Bruxelles',
              streetName: 'Rue Haute',
              houseNumber: '1',
            },
          },
        }),
      ])
    ).json() as RegisterAnswer;
    expect(createdId(answer, 0)).toBeGreaterThan(0);
    expect(createdId(answer, 1)).toBeGreaterThan(0);
  });

  it('refuses a call with 0 or 201 items, or a malformed item, as a whole with problem+json 400', async () => {
    const onss = await createHarness();
    const token = await onss.token();

    const empty = await onss.register([], token);
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(empty.json()).toMatchObject({ type: 'urn:problem-type:belgif:badRequest', status: 400 });

    const tooMany = await onss.register(
      Array.from({ length: 201 }, () => validItem()),
      token,
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().issues[0]).toMatchObject({ in: 'body', name: 'items' });

    const missingSsin = await onss.register([{ ...validItem(), ssin: undefined }], token);
    expect(missingSsin.statusCode).toBe(400);
    expect(missingSsin.json().issues[0].name).toBe('items[0].ssin');

    const exactly200 = await onss.register(
      Array.from({ length: 200 }, (_, minute) =>
        validItem({
          registrationDate: new Date(Date.parse('2026-03-02T05:00:00Z') + minute * 60_000).toISOString(),
        }),
      ),
      token,
    );
    expect(exactly200.statusCode).toBe(200);
    expect((await onss.admin('GET', '/admin/registrations')).json().registrations).toHaveLength(200);
  });

  it('creates an identical registration again with the duplicate remark, which fails validation', async () => {
    const onss = await createHarness();
    const first = (await onss.register([validItem()])).json() as RegisterAnswer;
    const second = (await onss.register([validItem({ type: 'IN' })])).json() as RegisterAnswer;

    expect(first.items[0]).toMatchObject({ createdPresenceRegistration: { remarks: [] } });
    expect(second.items[0]).toEqual({
      createdPresenceRegistration: {
        id: createdId(first) + 1,
        validity: 'pending',
        remarks: [REMARKS.sameDeclarationAlreadyRegistered],
      },
    });

    onss.clock.advance(2_000);
    const original = (await onss.get(`${PATHS.search}/${createdId(first)}`)).json();
    const duplicate = (await onss.get(`${PATHS.search}/${createdId(second)}`)).json();
    expect(original).toMatchObject({ validity: 'valid', status: 'VALIDATED', remarks: [] });
    expect(duplicate).toMatchObject({
      validity: 'invalid',
      status: 'FAILED',
      remarks: [REMARKS.sameDeclarationAlreadyRegistered],
    });
  });

  it('does not treat a different instant or a cancelled original as a duplicate', async () => {
    const onss = await createHarness();
    const first = (await onss.register([validItem()])).json() as RegisterAnswer;
    const later = (await onss.register([validItem({ registrationDate: '2026-03-02T07:59:00Z' })])).json();
    expect(later.items[0].createdPresenceRegistration.remarks).toEqual([]);

    await onss.post(`${PATHS.search}/${createdId(first)}/cancel`, { reason: 'PLANNING' });
    const again = (await onss.register([validItem()])).json();
    expect(again.items[0].createdPresenceRegistration.remarks).toEqual([]);
  });

  it('answers 401 problem+json without a token, with an unknown token or an expired one', async () => {
    const onss = await createHarness({ settings: { tokenLifetimeSeconds: 60 } });
    const none = await onss.app.inject({
      method: 'POST',
      url: PATHS.registerInBulk,
      payload: { items: [validItem()] },
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().type).toBe('urn:problem-type:belgif:noAccessToken');

    const unknown = await onss.register([validItem()], 'not-a-token');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json().type).toBe('urn:problem-type:belgif:invalidAccessToken');

    const token = await onss.token();
    onss.clock.advance(61_000);
    const expired = await onss.register([validItem()], token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().type).toBe('urn:problem-type:belgif:expiredAccessToken');
    expect((await onss.admin('GET', '/admin/registrations')).json().registrations).toHaveLength(0);
  });

  it('creates declaration problems and reports them at validation when checks are set to run there', async () => {
    const onss = await createHarness({ settings: { declarationChecks: 'validation', validationDelayMs: 0 } });
    const answer = (
      await onss.register([
        validItem({ employer: { enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.mainContractor } }),
      ])
    ).json() as RegisterAnswer;
    const validated = (await onss.get(`${PATHS.search}/${createdId(answer)}`)).json();
    expect(validated).toMatchObject({ status: 'FAILED', remarks: [REMARKS.companyNotInDuc] });
  });
});
