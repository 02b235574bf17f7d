import type { PostalAddress } from '@ciao/domain';

interface AddressColumns {
  street: string | null;
  houseNumber: string | null;
  boxNumber: string | null;
  postCode: string | null;
  municipality: string | null;
  country: string;
}

/** The address columns shared by clients and sites, as the API nests them. */
export function presentAddress(row: AddressColumns) {
  return {
    street: row.street,
    houseNumber: row.houseNumber,
    boxNumber: row.boxNumber,
    postCode: row.postCode,
    municipality: row.municipality,
    country: row.country,
  };
}

/** The nested address, as the columns store it. */
export function addressColumns(address: PostalAddress): AddressColumns {
  return { ...address };
}
