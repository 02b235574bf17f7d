import { describe, expect, it } from 'vitest';
import { licenceValidUntil, toCreateLicenceRequest } from './licence-form-values';

describe('the new-licence form', () => {
  it('expires a code at the end of its last day in Brussels, winter and summer', () => {
    const winter = toCreateLicenceRequest(
      { label: ' Team ', maxDevices: '20', expiresOn: '2026-12-31' },
      '2026-11-29',
    );
    expect(winter.request).toEqual({ label: 'Team', maxDevices: 20, expiresAt: '2026-12-31T23:00:00.000Z' });
    const summer = toCreateLicenceRequest(
      { label: '', maxDevices: '1', expiresOn: '2027-07-01' },
      '2026-11-29',
    );
    expect(summer.request).toEqual({ maxDevices: 1, expiresAt: '2027-07-01T22:00:00.000Z' });
  });

  it('leaves the expiry out when no date is given', () => {
    expect(
      toCreateLicenceRequest({ label: '', maxDevices: '5', expiresOn: '' }, '2026-11-29').request,
    ).toEqual({
      maxDevices: 5,
    });
  });

  it('says which field to fix: a missing or impossible device count, a past expiry', () => {
    expect(toCreateLicenceRequest({ label: '', maxDevices: '', expiresOn: '' }, '2026-11-29').errors).toEqual(
      {
        maxDevices: 'REQUIRED',
      },
    );
    expect(
      toCreateLicenceRequest({ label: '', maxDevices: '2.5', expiresOn: '' }, '2026-11-29').errors,
    ).toMatchObject({
      maxDevices: expect.any(String),
    });
    expect(
      toCreateLicenceRequest({ label: '', maxDevices: '0', expiresOn: '' }, '2026-11-29').errors,
    ).toMatchObject({
      maxDevices: expect.any(String),
    });
    expect(
      toCreateLicenceRequest({ label: '', maxDevices: '3', expiresOn: '2026-11-28' }, '2026-11-29').errors,
    ).toEqual({
      expiresAt: 'EXPIRY_IN_PAST',
    });
  });

  it('shows a midnight expiry as the last day the code works, any other as an instant', () => {
    expect(licenceValidUntil('2026-12-31T23:00:00.000Z')).toEqual({ lastDay: '2026-12-31T22:59:59.999Z' });
    expect(licenceValidUntil('2027-07-01T22:00:00Z')).toEqual({ lastDay: '2027-07-01T21:59:59.999Z' });
    expect(licenceValidUntil('2027-07-01T10:30:00Z')).toEqual({ instant: '2027-07-01T10:30:00Z' });
  });
});
