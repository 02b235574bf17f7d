import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceMeters, isInsideGeofence } from './distance.js';

describe('distance and geofence', () => {
  it('measures known Belgian distances', () => {
    const brusselsCentral = { latitude: 50.8456, longitude: 4.3572 };
    const antwerpCentral = { latitude: 51.2172, longitude: 4.4211 };
    expect(distanceMeters(brusselsCentral, antwerpCentral) / 1000).toBeCloseTo(41.6, 0);
    expect(distanceMeters(brusselsCentral, brusselsCentral)).toBe(0);
  });

  it('is symmetric and never negative (property)', () => {
    const point = fc.record({
      latitude: fc.double({ min: -89, max: 89, noNaN: true }),
      longitude: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const there = distanceMeters(a, b);
        expect(there).toBeGreaterThanOrEqual(0);
        expect(Math.abs(there - distanceMeters(b, a))).toBeLessThan(1e-6);
      }),
    );
  });

  it('counts a position inside when its accuracy circle reaches the geofence', () => {
    expect(isInsideGeofence(100, 150, 5)).toBe(true);
    expect(isInsideGeofence(190, 150, 40)).toBe(true);
    expect(isInsideGeofence(191, 150, 40)).toBe(false);
  });
});
