import { formatEnterpriseNumber, parseEnterpriseNumber } from '@ciao/domain';
import type { SubcontractorView } from '@ciao/domain';
import type { FieldErrors } from '../../lib/field-errors';

/** The subcontractor form as typed. */
export interface SubcontractorFormValues {
  name: string;
  enterpriseNumber: string;
  foreignVatNumber: string;
  contactEmail: string;
  active: boolean;
}

export const EMPTY_SUBCONTRACTOR: SubcontractorFormValues = {
  name: '',
  enterpriseNumber: '',
  foreignVatNumber: '',
  contactEmail: '',
  active: true,
};

export function subcontractorToForm(subcontractor: SubcontractorView): SubcontractorFormValues {
  return {
    name: subcontractor.name,
    enterpriseNumber: subcontractor.enterpriseNumber
      ? formatEnterpriseNumber(subcontractor.enterpriseNumber)
      : '',
    foreignVatNumber: subcontractor.foreignVatNumber ?? '',
    contactEmail: subcontractor.contactEmail ?? '',
    active: subcontractor.active,
  };
}

const textFields = ['name', 'enterpriseNumber', 'foreignVatNumber', 'contactEmail'] as const;

/**
 * The request body for the shared contract to check: every field on creation, only what changed
 * since `initial` on edition. The employer identity is one rule on the pair (exactly one of the
 * Belgian number or the foreign VAT number): when one changes, both are sent.
 */
export function subcontractorRequestBody(
  values: SubcontractorFormValues,
  initial?: SubcontractorFormValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of textFields) {
    if (!initial || values[field].trim() !== initial[field].trim()) body[field] = values[field];
  }
  if (!initial || values.active !== initial.active) body.active = values.active;
  if ('enterpriseNumber' in body || 'foreignVatNumber' in body) {
    body.enterpriseNumber = values.enterpriseNumber;
    body.foreignVatNumber = values.foreignVatNumber;
  }
  return body;
}

/**
 * What can be told before asking the server: the enterprise number's reason (the server's own
 * parser) and that ONSS needs one of the two employer numbers, not both.
 */
export function subcontractorIdentifierErrors(values: SubcontractorFormValues): FieldErrors {
  const enterpriseNumber = values.enterpriseNumber.trim();
  const foreignVatNumber = values.foreignVatNumber.trim();
  if (enterpriseNumber !== '') {
    const parsed = parseEnterpriseNumber(enterpriseNumber);
    if (!parsed.ok) return { enterpriseNumber: parsed.code };
    if (foreignVatNumber !== '') return { foreignVatNumber: 'EMPLOYER_ID_BOTH' };
    return {};
  }
  if (foreignVatNumber === '') return { enterpriseNumber: 'EMPLOYER_ID_REQUIRED' };
  return {};
}
