import { describe, expect, it } from 'vitest';
import { toOnssRegistration, type OnssMappingInput } from './registration.js';

const base: OnssMappingInput = {
  direction: 'IN',
  at: new Date('2026-11-30T05:00:00Z'),
  agent: { niss: '85073003328', employmentStatus: 'temporary' },
  employer: { enterpriseNumber: '0777123418', foreignVatNumber: null },
  site: { subjectToOnss: true, workDeclarationNumber: '1Y102M7NZF7PZ' },
  position: { latitude: 50.8275, longitude: 4.3653 },
  tenantHasOnssConnection: true,
};

describe('clock event to ONSS registration', () => {
  it('carries who, where, employer, capacity and the UTC instant', () => {
    expect(toOnssRegistration(base)).toEqual({
      applicable: true,
      content: {
        niss: '85073003328',
        direction: 'IN',
        at: '2026-11-30T05:00:00.000Z',
        employer: { enterpriseNumber: '0777123418' },
        capacity: 'temporary',
        workDeclarationNumber: '1Y102M7NZF7PZ',
        position: { latitude: 50.8275, longitude: 4.3653 },
      },
    });
  });

  it('uses a foreign VAT number for a foreign employer', () => {
    const result = toOnssRegistration({
      ...base,
      employer: { enterpriseNumber: null, foreignVatNumber: 'FR12345678901' },
    });
    expect(result.applicable && result.content.employer).toEqual({ foreignVatNumber: 'FR12345678901' });
  });

  it.each([
    [{ site: { subjectToOnss: false, workDeclarationNumber: '1Y102M7NZF7PZ' } }, 'SITE_NOT_SUBJECT'],
    [{ site: { subjectToOnss: true, workDeclarationNumber: null } }, 'SITE_WITHOUT_DECLARATION'],
    [{ agent: { niss: null, employmentStatus: 'employee' } }, 'AGENT_WITHOUT_NISS'],
    [{ employer: { enterpriseNumber: null, foreignVatNumber: null } }, 'EMPLOYER_WITHOUT_NUMBER'],
    [{ tenantHasOnssConnection: false }, 'NO_ONSS_CONNECTION'],
  ] as const)('says why it does not apply (%o)', (change, reason) => {
    expect(toOnssRegistration({ ...base, ...change })).toEqual({ applicable: false, reason });
  });
});
