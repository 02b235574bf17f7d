import { postalAddress } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS, addressToForm, formatAddress, sameAddress } from './address-form-values';

const louise = {
  street: 'Avenue Louise',
  houseNumber: '231',
  boxNumber: null,
  postCode: '1050',
  municipality: 'Ixelles',
  country: 'BE',
};

describe('address form values', () => {
  it('gives blanks the shared contract turns into nulls', () => {
    expect(postalAddress.parse(EMPTY_ADDRESS)).toEqual({
      ...louise,
      street: null,
      houseNumber: null,
      postCode: null,
      municipality: null,
    });
    expect(postalAddress.parse(addressToForm(louise))).toEqual(louise);
  });

  it('compares addresses as typed, ignoring surrounding spaces', () => {
    expect(sameAddress(addressToForm(louise), { ...addressToForm(louise), street: ' Avenue Louise ' })).toBe(
      true,
    );
    expect(sameAddress(addressToForm(louise), { ...addressToForm(louise), boxNumber: '4' })).toBe(false);
  });

  it('writes an address on one line, the country only abroad', () => {
    expect(formatAddress(louise)).toBe('Avenue Louise 231, 1050 Ixelles');
    expect(formatAddress({ ...louise, boxNumber: '4', country: 'NL' }, 'bus')).toBe(
      'Avenue Louise 231 bus 4, 1050 Ixelles, NL',
    );
    expect(formatAddress({ ...louise, street: null, houseNumber: null })).toBe('1050 Ixelles');
  });
});
