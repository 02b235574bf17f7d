import { updateCompanyRequest } from '@ciao/domain';
import type { CompanyView } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { companyRequestBody, companyToForm } from './company-form-values';

const company: CompanyView = {
  id: '6f1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  code: 'DEMO',
  name: 'Demo SA',
  enterpriseNumber: '0203201340',
  onssEmployerNumber: null,
  timeZone: 'Europe/Brussels',
  defaultLanguage: 'fr',
  settings: {
    defaultGeofenceRadiusMeters: 150,
    blockOutsideGeofence: false,
    maxEventAgeDays: 7,
    requireTwoFactorForAdmins: false,
    anomalyThresholds: { breakMaxMinutes: 45 },
  },
  updatedAt: '2026-01-01T08:00:00.000Z',
};

describe('companyRequestBody', () => {
  it('sends nothing when nothing changed', () => {
    const initial = companyToForm(company);
    expect(companyRequestBody(initial, initial)).toEqual({});
  });

  it('sends the changed fields, settings nested, numbers as numbers, blanks as null', () => {
    const initial = companyToForm(company);
    const body = companyRequestBody(
      {
        ...initial,
        name: 'Clean-Up SA',
        enterpriseNumber: '',
        maxEventAgeDays: '3',
        requireTwoFactorForAdmins: true,
      },
      initial,
    );
    expect(body).toEqual({
      name: 'Clean-Up SA',
      enterpriseNumber: null,
      settings: { maxEventAgeDays: 3, requireTwoFactorForAdmins: true },
    });
    expect(updateCompanyRequest.safeParse(body).success).toBe(true);
  });

  it('lets the shared contract refuse a blank or out-of-range number', () => {
    const initial = companyToForm(company);
    const blank = companyRequestBody({ ...initial, defaultGeofenceRadiusMeters: '' }, initial);
    expect(updateCompanyRequest.safeParse(blank).success).toBe(false);
    const tooBig = companyRequestBody({ ...initial, maxEventAgeDays: '31' }, initial);
    expect(updateCompanyRequest.safeParse(tooBig).success).toBe(false);
  });

  it('sends the anomaly thresholds as a whole, blanks back to the default, decimal commas read', () => {
    const initial = companyToForm(company);
    expect(initial.anomalyThresholds.breakMaxMinutes).toBe('45');
    expect(initial.anomalyThresholds.noShowGraceMinutes).toBe('');
    const changed = {
      ...initial,
      anomalyThresholds: { ...initial.anomalyThresholds, breakMaxMinutes: '', noShowGraceMinutes: '20,5' },
    };
    expect(companyRequestBody(changed, initial)).toEqual({
      settings: { anomalyThresholds: { noShowGraceMinutes: 20.5 } },
    });
    const negative = {
      ...initial,
      anomalyThresholds: { ...initial.anomalyThresholds, breakMaxMinutes: '-3' },
    };
    const parsed = updateCompanyRequest.safeParse(companyRequestBody(negative, initial));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['settings', 'anomalyThresholds', 'breakMaxMinutes']);
  });
});
