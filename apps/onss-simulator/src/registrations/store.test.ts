import { describe, expect, it } from 'vitest';
import { RegistrationStore, type NewRegistration } from './store.js';

function registration(clientId: string, minute: number): NewRegistration {
  const at = new Date(Date.UTC(2026, 10, 2, 8, minute));
  return {
    clientId,
    registrationDate: at,
    ssin: '85073003328',
    type: 'in',
    employerKey: '0123456749',
    employer: { enterpriseNumber: '0123456749' },
    placeOfWork: {},
    contractualRelationshipReference: `C${minute}`,
    receivedAt: at,
    validationDueAt: at,
    remarks: [],
  };
}

describe('RegistrationStore.inPeriod', () => {
  it('finds a client’s registrations of a period in date order, whatever order they came in', () => {
    const store = new RegistrationStore();
    // An offline phone's registrations arrive late, among newer ones; another client's interleave.
    for (const minute of [10, 11, 30, 12, 5, 30, 40, 20]) store.add(registration('a', minute));
    for (const minute of [10, 12, 20]) store.add(registration('b', minute));
    const minutes = (from: number, to: number) =>
      store
        .inPeriod('a', Date.UTC(2026, 10, 2, 8, from), Date.UTC(2026, 10, 2, 8, to))
        .map((record) => record.registrationDate.getUTCMinutes());
    expect(minutes(0, 60)).toEqual([5, 10, 11, 12, 20, 30, 30, 40]);
    expect(minutes(11, 30)).toEqual([11, 12, 20]);
    expect(minutes(30, 31)).toEqual([30, 30]);
    expect(minutes(41, 50)).toEqual([]);
    const ties = store.inPeriod('a', Date.UTC(2026, 10, 2, 8, 30), Date.UTC(2026, 10, 2, 8, 31));
    expect(ties[0]!.id).toBeLessThan(ties[1]!.id);
    expect(store.inPeriod('c', 0, Date.now())).toEqual([]);
    store.clear();
    expect(minutes(0, 60)).toEqual([]);
  });
});
