export interface TakenPosition {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
}

export type PositionResult =
  | { ok: true; position: TakenPosition }
  | { ok: false; reason: 'denied' | 'unavailable' | 'timeout' | 'unsupported' };

/** How long the phone may look for a fix once allowed. */
export const POSITION_TIMEOUT_MS = 20_000;
// The browser's own timeout starts after the permission prompt: this one bounds the whole wait.
const OVERALL_TIMEOUT_MS = 60_000;

/**
 * The phone's position, taken once, now (never watched, never in the background: the law allows
 * the position at the moment of a registration only).
 */
export function currentPosition(): Promise<PositionResult> {
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, reason: 'unsupported' });
  return new Promise((resolve) => {
    const guard = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), OVERALL_TIMEOUT_MS);
    navigator.geolocation.getCurrentPosition(
      (found) => {
        clearTimeout(guard);
        resolve({
          ok: true,
          position: {
            latitude: found.coords.latitude,
            longitude: found.coords.longitude,
            accuracyMeters: Math.round(found.coords.accuracy),
          },
        });
      },
      (error) => {
        clearTimeout(guard);
        const reason =
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.TIMEOUT
              ? 'timeout'
              : 'unavailable';
        resolve({ ok: false, reason });
      },
      { enableHighAccuracy: true, maximumAge: 0, timeout: POSITION_TIMEOUT_MS },
    );
  });
}
