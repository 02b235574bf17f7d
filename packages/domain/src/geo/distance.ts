const EARTH_RADIUS_METERS = 6_371_008.8;

/**
 * A position as the phone reports it: WGS 84 degrees and the accuracy radius in meters.
 *
 * @example
 * const position: Position = { latitude: 50.8275, longitude: 4.3653, accuracyMeters: 12 };
 */
export interface Position {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Great-circle distance in meters (haversine): within a few meters of the truth at the scale of a
 * site's geofence, which is all a presence check needs.
 *
 * @example
 * Math.round(distanceMeters({ latitude: 50.8466, longitude: 4.3528 }, { latitude: 50.8503, longitude: 4.3517 })); // 419
 */
export function distanceMeters(
  from: { latitude: number; longitude: number },
  to: { latitude: number; longitude: number },
): number {
  const dLat = toRadians(to.latitude - from.latitude);
  const dLon = toRadians(to.longitude - from.longitude);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from.latitude)) * Math.cos(toRadians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Whether a reported position may be on the site: the phone's accuracy circle touches the geofence
 * (distance ≤ radius + accuracy), so a poor fix is not held against the agent; poor accuracy is
 * flagged separately.
 *
 * @example
 * isInsideGeofence(180, 150, 40); // true
 */
export function isInsideGeofence(distance: number, radiusMeters: number, accuracyMeters: number): boolean {
  return distance <= radiusMeters + accuracyMeters;
}
