import { createSubcontractorRequest, updateSubcontractorRequest } from '@ciao/domain';
import type { SubcontractorView } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SUBCONTRACTOR,
  subcontractorIdentifierErrors,
  subcontractorRequestBody,
  subcontractorToForm,
} from './subcontractor-form-values';

const sparkle: SubcontractorView = {
  id: '6f1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  name: 'Sparkle Partners BV',
  enterpriseNumber: '0876543270',
  foreignVatNumber: null,
  contactEmail: null,
  active: true,
  agentCount: 3,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
};

describe('subcontractorRequestBody', () => {
  it('builds a creation body the shared contract accepts', () => {
    const body = subcontractorRequestBody({
      ...EMPTY_SUBCONTRACTOR,
      name: 'Net & Co',
      foreignVatNumber: 'NL123456789B01',
    });
    const parsed = createSubcontractorRequest.parse(body);
    expect(parsed.enterpriseNumber).toBeNull();
    expect(parsed.foreignVatNumber).toBe('NL123456789B01');
    expect(parsed.contactEmail).toBeNull();
  });

  it('sends only what changed, and both employer numbers when one changes', () => {
    const initial = subcontractorToForm(sparkle);
    expect(initial.enterpriseNumber).toBe('0876.543.270');
    expect(subcontractorRequestBody(initial, initial)).toEqual({});
    expect(subcontractorRequestBody({ ...initial, active: false }, initial)).toEqual({ active: false });
    const body = subcontractorRequestBody(
      { ...initial, enterpriseNumber: '', foreignVatNumber: 'FR12345678901' },
      initial,
    );
    expect(body).toEqual({ enterpriseNumber: '', foreignVatNumber: 'FR12345678901' });
    expect(updateSubcontractorRequest.parse(body).enterpriseNumber).toBeNull();
  });
});

describe('subcontractorIdentifierErrors', () => {
  it('asks for exactly one employer number, checked like the server does', () => {
    expect(subcontractorIdentifierErrors(EMPTY_SUBCONTRACTOR)).toEqual({
      enterpriseNumber: 'EMPLOYER_ID_REQUIRED',
    });
    expect(
      subcontractorIdentifierErrors({ ...EMPTY_SUBCONTRACTOR, enterpriseNumber: '0876.543.271' }),
    ).toEqual({
      enterpriseNumber: 'ENTERPRISE_NUMBER_CHECK_DIGITS',
    });
    expect(
      subcontractorIdentifierErrors({
        ...EMPTY_SUBCONTRACTOR,
        enterpriseNumber: '0876543270',
        foreignVatNumber: 'NL1',
      }),
    ).toEqual({ foreignVatNumber: 'EMPLOYER_ID_BOTH' });
    expect(
      subcontractorIdentifierErrors({ ...EMPTY_SUBCONTRACTOR, foreignVatNumber: 'NL123456789B01' }),
    ).toEqual({});
  });
});
