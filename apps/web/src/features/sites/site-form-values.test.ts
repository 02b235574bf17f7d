import { createSiteRequest, updateSiteRequest } from '@ciao/domain';
import type { SiteView } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import {
  emptySite,
  formPoint,
  outOfRangeField,
  parseDecimal,
  pointToForm,
  siteRequestBody,
  siteRuleErrors,
  siteToForm,
  splitCoordinatePair,
} from './site-form-values';

const clientId = '6f1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const site: SiteView = {
  id: '7a1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  clientId,
  clientName: 'Immo Louise SA',
  name: 'Bureaux Louise 231',
  address: {
    street: 'Avenue Louise',
    houseNumber: '231',
    boxNumber: null,
    postCode: '1050',
    municipality: 'Ixelles',
    country: 'BE',
  },
  latitude: 50.8275,
  longitude: 4.3653,
  geofenceRadiusMeters: 150,
  workDeclarationNumber: '1Y102M7NZF7PZ',
  subjectToOnss: true,
  costCentre: null,
  active: true,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
};

describe('parseDecimal and splitCoordinatePair', () => {
  it('reads a decimal comma or point, and keeps what is not a number for the contract to refuse', () => {
    expect(parseDecimal('50,8275')).toBe(50.8275);
    expect(parseDecimal(' -4.5 ')).toBe(-4.5);
    expect(parseDecimal('  ')).toBeNull();
    expect(parseDecimal('north')).toBe('north');
    expect(updateSiteRequest.safeParse({ latitude: parseDecimal('north') }).success).toBe(false);
  });

  it('splits coordinates pasted as one text', () => {
    expect(splitCoordinatePair('50.8275, 4.3653')).toEqual({ latitude: '50.8275', longitude: '4.3653' });
    expect(splitCoordinatePair('50,8275 4,3653')).toEqual({ latitude: '50,8275', longitude: '4,3653' });
    expect(splitCoordinatePair('50.8275,4.3653')).toEqual({ latitude: '50.8275', longitude: '4.3653' });
    expect(splitCoordinatePair('50,8275; 4,3653')).toEqual({ latitude: '50,8275', longitude: '4,3653' });
    expect(splitCoordinatePair('50,8275')).toBeUndefined();
    expect(splitCoordinatePair('50.8')).toBeUndefined();
  });

  it('rounds a point picked on the map and reads a point back only when whole and in range', () => {
    expect(pointToForm(50.82751234567, 4.365)).toEqual({ latitude: '50.827512', longitude: '4.365' });
    expect(formPoint({ latitude: '50,8275', longitude: '4.3653' })).toEqual({
      latitude: 50.8275,
      longitude: 4.3653,
    });
    expect(formPoint({ latitude: '50.8', longitude: '' })).toBeUndefined();
    expect(formPoint({ latitude: '95', longitude: '4' })).toBeUndefined();
  });
});

describe('siteRequestBody', () => {
  it('builds a creation body the shared contract accepts, without a radius for the default one', () => {
    const body = siteRequestBody({
      ...emptySite(clientId),
      name: 'Meir 50',
      latitude: '51,2182',
      longitude: '4.4076',
    });
    expect(body).not.toHaveProperty('geofenceRadiusMeters');
    const parsed = createSiteRequest.parse(body);
    expect(parsed).toMatchObject({
      clientId,
      latitude: 51.2182,
      longitude: 4.4076,
      subjectToOnss: true,
      workDeclarationNumber: null,
    });
  });

  it('sends only what changed on edition, both coordinates together', () => {
    const initial = siteToForm(site);
    expect(siteRequestBody(initial, initial)).toEqual({});
    const body = siteRequestBody({ ...initial, longitude: '4.37', geofenceRadiusMeters: '200' }, initial);
    expect(body).toEqual({ latitude: 50.8275, longitude: 4.37, geofenceRadiusMeters: 200 });
    expect(updateSiteRequest.safeParse(body).success).toBe(true);
  });

  it('refuses a radius cleared on edition instead of keeping the old one silently', () => {
    const initial = siteToForm(site);
    const body = siteRequestBody({ ...initial, geofenceRadiusMeters: ' ' }, initial);
    expect(updateSiteRequest.safeParse(body).success).toBe(false);
  });
});

describe('siteRuleErrors', () => {
  it("gives the server's reasons before it is asked", () => {
    expect(siteRuleErrors(siteToForm(site))).toEqual({});
    expect(siteRuleErrors({ ...emptySite(), latitude: '50.8', workDeclarationNumber: '1Y102' })).toEqual({
      clientId: 'REQUIRED',
      longitude: 'COORDINATES_INCOMPLETE',
      workDeclarationNumber: 'WORK_DECLARATION_NUMBER_FORMAT',
    });
  });
});

describe('outOfRangeField', () => {
  it('tells which number box is out of range, whatever the contract called it', () => {
    const parsed = updateSiteRequest.safeParse(
      siteRequestBody(
        { ...siteToForm(site), latitude: '95', geofenceRadiusMeters: '12.5' },
        siteToForm(site),
      ),
    );
    const codes = Object.fromEntries(
      (parsed.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.code.toUpperCase()]),
    );
    expect(outOfRangeField('latitude', codes.latitude ?? '', '95')).toBe('latitude');
    expect(outOfRangeField('geofenceRadiusMeters', codes.geofenceRadiusMeters ?? '', '12.5')).toBe(
      'geofenceRadiusMeters',
    );
    expect(outOfRangeField('geofenceRadiusMeters', 'INVALID_TYPE', ' ')).toBeUndefined();
    expect(outOfRangeField('name', 'TOO_BIG', 'x')).toBeUndefined();
  });
});
