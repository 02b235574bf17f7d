import type { MetaResponse } from '@ciao/domain';

function numbersOf(version: string): number[] {
  const core = version.trim().replace(/^v/i, '').split(/[-+]/)[0] ?? '';
  return core.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/**
 * Compares two `major.minor.patch` versions numerically (pre-release and build suffixes are
 * ignored): negative when `a` is older. Example: `compareVersions('0.9.0', '0.10.0') < 0`.
 */
export function compareVersions(a: string, b: string): number {
  const left = numbersOf(a);
  const right = numbersOf(b);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Whether the server refuses this app version: `isAppOutdated('0.1.0', meta)` with a minimum of 0.2.0 -> true. */
export function isAppOutdated(appVersion: string, meta: MetaResponse | undefined): boolean {
  return meta !== undefined && compareVersions(appVersion, meta.minimumAgentAppVersion) < 0;
}
