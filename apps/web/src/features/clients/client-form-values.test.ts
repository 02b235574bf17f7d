import { createClientRequest, updateClientRequest } from '@ciao/domain';
import type { ClientView } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { EMPTY_CLIENT, clientIdentifierErrors, clientRequestBody, clientToForm } from './client-form-values';

const client: ClientView = {
  id: '6f1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  name: 'Immo Louise SA',
  reference: 'LOU',
  enterpriseNumber: '0654321022',
  vatNumber: null,
  contactName: null,
  contactEmail: 'facility@immo-louise.example',
  contactPhone: null,
  address: {
    street: 'Avenue Louise',
    houseNumber: '231',
    boxNumber: null,
    postCode: '1050',
    municipality: 'Ixelles',
    country: 'BE',
  },
  active: true,
  siteCount: 2,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
};

describe('clientRequestBody', () => {
  it('builds a creation body the shared contract accepts, blanks as nulls', () => {
    const body = clientRequestBody({ ...EMPTY_CLIENT, name: ' Net Immo ', contactEmail: ' ' });
    const parsed = createClientRequest.parse(body);
    expect(parsed.name).toBe('Net Immo');
    expect(parsed.contactEmail).toBeNull();
    expect(parsed.address.country).toBe('BE');
    expect(parsed.active).toBe(true);
  });

  it('sends only what changed on edition, and the address whole', () => {
    const initial = clientToForm(client);
    expect(initial.enterpriseNumber).toBe('0654.321.022');
    expect(clientRequestBody(initial, initial)).toEqual({});
    const body = clientRequestBody(
      { ...initial, reference: '', address: { ...initial.address, boxNumber: '4' }, active: false },
      initial,
    );
    expect(body).toEqual({ reference: '', address: { ...initial.address, boxNumber: '4' }, active: false });
    expect(updateClientRequest.parse(body).reference).toBeNull();
  });
});

describe('clientIdentifierErrors', () => {
  it("gives the enterprise number's reason before the server is asked", () => {
    expect(clientIdentifierErrors({ ...EMPTY_CLIENT, enterpriseNumber: '0203.201.341' })).toEqual({
      enterpriseNumber: 'ENTERPRISE_NUMBER_CHECK_DIGITS',
    });
    expect(clientIdentifierErrors({ ...EMPTY_CLIENT, enterpriseNumber: 'BE 0203.201.340' })).toEqual({});
    expect(clientIdentifierErrors(EMPTY_CLIENT)).toEqual({});
  });
});
