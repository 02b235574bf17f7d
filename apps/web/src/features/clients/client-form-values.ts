import { formatEnterpriseNumber, parseEnterpriseNumber } from '@ciao/domain';
import type { ClientView } from '@ciao/domain';
import { EMPTY_ADDRESS, addressToForm, sameAddress } from '../../lib/address-form-values';
import type { AddressFormValues } from '../../lib/address-form-values';
import type { FieldErrors } from '../../lib/field-errors';

/** The client form as typed. */
export interface ClientFormValues {
  name: string;
  reference: string;
  enterpriseNumber: string;
  vatNumber: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  address: AddressFormValues;
  active: boolean;
}

export const EMPTY_CLIENT: ClientFormValues = {
  name: '',
  reference: '',
  enterpriseNumber: '',
  vatNumber: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  address: EMPTY_ADDRESS,
  active: true,
};

/** The form's values for a client being edited; the enterprise number written `0203.201.340`. */
export function clientToForm(client: ClientView): ClientFormValues {
  return {
    name: client.name,
    reference: client.reference ?? '',
    enterpriseNumber: client.enterpriseNumber ? formatEnterpriseNumber(client.enterpriseNumber) : '',
    vatNumber: client.vatNumber ?? '',
    contactName: client.contactName ?? '',
    contactEmail: client.contactEmail ?? '',
    contactPhone: client.contactPhone ?? '',
    address: addressToForm(client.address),
    active: client.active,
  };
}

const textFields = [
  'name',
  'reference',
  'enterpriseNumber',
  'vatNumber',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;

/**
 * The request body for the shared contract to check (blank boxes become `null` there): every field
 * on creation, only what changed since `initial` on edition, the address as a whole.
 * Example: `clientRequestBody({ ...initial, name: 'X' }, initial)` -> `{ name: 'X' }`.
 */
export function clientRequestBody(
  values: ClientFormValues,
  initial?: ClientFormValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of textFields) {
    if (!initial || values[field].trim() !== initial[field].trim()) body[field] = values[field];
  }
  if (!initial || !sameAddress(values.address, initial.address)) body.address = values.address;
  if (!initial || values.active !== initial.active) body.active = values.active;
  return body;
}

/**
 * What can be told before asking the server: the enterprise number's reason, from the same parser
 * the server uses (`ENTERPRISE_NUMBER_CHECK_DIGITS`, …).
 */
export function clientIdentifierErrors(values: ClientFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.enterpriseNumber.trim() !== '') {
    const parsed = parseEnterpriseNumber(values.enterpriseNumber);
    if (!parsed.ok) errors.enterpriseNumber = parsed.code;
  }
  return errors;
}
