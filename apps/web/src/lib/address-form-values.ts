import type { ClientView } from '@ciao/domain';

type AddressView = ClientView['address'];

/** A postal address as a form holds it: every part as typed. */
export interface AddressFormValues {
  street: string;
  houseNumber: string;
  boxNumber: string;
  postCode: string;
  municipality: string;
  country: string;
}

export const EMPTY_ADDRESS: AddressFormValues = {
  street: '',
  houseNumber: '',
  boxNumber: '',
  postCode: '',
  municipality: '',
  country: 'BE',
};

export function addressToForm(address: AddressView): AddressFormValues {
  return {
    street: address.street ?? '',
    houseNumber: address.houseNumber ?? '',
    boxNumber: address.boxNumber ?? '',
    postCode: address.postCode ?? '',
    municipality: address.municipality ?? '',
    country: address.country,
  };
}

/** Whether two addresses as typed are the same: the server replaces an address as a whole. */
export function sameAddress(a: AddressFormValues, b: AddressFormValues): boolean {
  return (Object.keys(a) as (keyof AddressFormValues)[]).every((key) => a[key].trim() === b[key].trim());
}

/**
 * An address on one line, the Belgian way: `Avenue Louise 231 bte 4, 1050 Ixelles`; parts that are
 * missing are left out, and the country only when it is not Belgium.
 */
export function formatAddress(address: AddressView, boxLabel = 'bte'): string {
  const street = [
    address.street,
    address.houseNumber,
    address.boxNumber && `${boxLabel} ${address.boxNumber}`,
  ]
    .filter(Boolean)
    .join(' ');
  const town = [address.postCode, address.municipality].filter(Boolean).join(' ');
  const country = address.country !== 'BE' ? address.country : '';
  return [street, town, country].filter(Boolean).join(', ');
}
