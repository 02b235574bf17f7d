/** A distance for people: metres under a kilometre, else kilometres with one decimal. */
export function formatDistance(meters: number, language: string): string {
  if (meters < 1000) return `${Math.round(meters)} m`;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(meters / 1000)} km`;
}

/** Coordinates as text (5 decimals: about a metre), for when the map has no tiles. */
export function formatCoordinates(point: { latitude: number; longitude: number }): string {
  return `${point.latitude.toFixed(5)}, ${point.longitude.toFixed(5)}`;
}

/**
 * How long after it was made the registration reached ciao, in whole minutes (never negative: a
 * phone's clock a little ahead is not a negative delay).
 */
export function syncDelayMinutes(deviceTime: string, receivedAt: string): number {
  return Math.max(0, Math.floor((Date.parse(receivedAt) - Date.parse(deviceTime)) / 60_000));
}

/** The flags the list's "flag" filter offers, each the name of the API's boolean filter. */
export const flagFilters = ['late', 'outside', 'offline', 'refused'] as const;
export type FlagFilter = (typeof flagFilters)[number];

/**
 * The API query of the list's state: the chosen flag becomes its boolean filter, and a missing
 * period becomes the last 7 days, so that an opened screen never counts years of registrations.
 */
export function registrationQuery(
  query: Record<string, string | number>,
  defaultPeriod: { from: string; to: string },
): Record<string, string | number> {
  const { flag, ...rest } = query;
  const result: Record<string, string | number> = { from: defaultPeriod.from, to: defaultPeriod.to, ...rest };
  if (typeof flag === 'string' && (flagFilters as readonly string[]).includes(flag)) result[flag] = 'true';
  return result;
}
