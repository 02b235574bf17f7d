import { describe, expect, it } from 'vitest';
import { DEMO_DECLARATION_NUMBERS, DEMO_ENTERPRISE_NUMBERS, DEMO_NISS } from '../scenarios.js';
import { createdId, createHarness, validItem, type RegisterAnswer } from '../test-harness.js';
import { PATHS, REMARKS } from '../wire.js';

const one = (id: number) => `${PATHS.search}/${id}`;

describe('asynchronous validation', () => {
  it('stays pending until the delay has passed, then becomes valid with a timestamped history', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 2_000 } });
    const id = createdId((await onss.register([validItem()])).json() as RegisterAnswer);

    onss.clock.advance(1_999);
    expect((await onss.get(one(id))).json()).toMatchObject({
      validity: 'pending',
      status: 'SUCCESSFULLY REGISTERED',
    });

    onss.clock.advance(5_000);
    const registration = (await onss.get(one(id))).json();
    expect(registration).toMatchObject({ validity: 'valid', status: 'VALIDATED', remarks: [] });
    expect(registration.validationHistory).toEqual([
      { at: '2026-03-02T09:00:00.000Z', validity: 'pending', status: 'SUCCESSFULLY REGISTERED', remarks: [] },
      // Dated when the validation was due, not when it was read.
      { at: '2026-03-02T09:00:02.000Z', validity: 'valid', status: 'VALIDATED', remarks: [] },
    ]);
  });

  it('fails with the SOAP remarks driven by the reference data', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 0 } });
    const answer = (
      await onss.register([
        validItem({ ssin: DEMO_NISS.unknownInNationalRegister }),
        validItem({ ssin: DEMO_NISS.withoutDimona }),
        validItem({ employer: { enterpriseNumber: DEMO_ENTERPRISE_NUMBERS.inactiveEmployer } }),
        validItem({ contractualRelationshipReference: DEMO_DECLARATION_NUMBERS.residence }),
        validItem({ ssin: DEMO_NISS.workers[2] }),
      ])
    ).json() as RegisterAnswer;
    const read = async (index: number) => (await onss.get(one(createdId(answer, index)))).json();

    expect(await read(0)).toMatchObject({
      validity: 'invalid',
      status: 'FAILED',
      remarks: [REMARKS.nissNotKnownInNationalRegister],
    });
    expect((await read(1)).remarks).toEqual([REMARKS.relatedDimonaNotOk]);
    expect((await read(2)).remarks).toEqual([REMARKS.employerNotActive]);
    expect((await read(3)).remarks).toEqual([REMARKS.siteNotSubject]);
    expect(await read(4)).toMatchObject({ validity: 'valid', status: 'VALIDATED' });
  });

  it('treats only the listed NISS as known once the known set is not empty', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 0 } });
    await onss.admin('PATCH', '/admin/reference-data', { knownNiss: [DEMO_NISS.workers[0]] });
    const answer = (
      await onss.register([validItem(), validItem({ ssin: DEMO_NISS.workers[1] })])
    ).json() as RegisterAnswer;
    expect((await onss.get(one(createdId(answer, 0)))).json().validity).toBe('valid');
    expect((await onss.get(one(createdId(answer, 1)))).json().remarks).toEqual([
      REMARKS.nissNotKnownInNationalRegister,
    ]);
  });

  it('checks the declaration again at validation time', async () => {
    const onss = await createHarness({ settings: { validationDelayMs: 1_000 } });
    const id = createdId((await onss.register([validItem()])).json() as RegisterAnswer);
    const data = (await onss.admin('GET', '/admin/reference-data')).json();
    for (const declaration of data.declarations) {
      if (declaration.number === DEMO_DECLARATION_NUMBERS.officeTower) declaration.active = false;
    }
    await onss.admin('PUT', '/admin/reference-data', data);

    onss.clock.advance(1_000);
    expect((await onss.get(one(id))).json().remarks).toEqual([REMARKS.ducNotActiveAtDate]);
  });
});
