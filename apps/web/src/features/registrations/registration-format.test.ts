import { describe, expect, it } from 'vitest';
import {
  formatCoordinates,
  formatDistance,
  registrationQuery,
  syncDelayMinutes,
} from './registration-format';

describe('registration texts', () => {
  it('writes distances in metres, then kilometres', () => {
    expect(formatDistance(84.6, 'fr')).toBe('85 m');
    expect(formatDistance(2012, 'fr')).toBe('2 km');
    expect(formatDistance(2512, 'en')).toBe('2.5 km');
    expect(formatDistance(2512, 'fr')).toBe('2,5 km');
  });

  it('writes coordinates to the metre', () => {
    expect(formatCoordinates({ latitude: 50.8275, longitude: 4.3653 })).toBe('50.82750, 4.36530');
  });

  it('counts the sync delay in whole minutes, never below zero', () => {
    expect(syncDelayMinutes('2026-11-30T06:00:00Z', '2026-11-30T06:12:59Z')).toBe(12);
    expect(syncDelayMinutes('2026-11-30T06:00:30Z', '2026-11-30T06:00:00Z')).toBe(0);
  });

  it('turns the flag choice into its filter and defaults the period', () => {
    const period = { from: '2026-11-24', to: '2026-11-30' };
    expect(registrationQuery({ page: 1, flag: 'outside', siteId: 's' }, period)).toEqual({
      page: 1,
      siteId: 's',
      outside: 'true',
      from: '2026-11-24',
      to: '2026-11-30',
    });
    expect(registrationQuery({ from: '2026-01-01', to: '2026-01-31', flag: 'bogus' }, period)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });
});
