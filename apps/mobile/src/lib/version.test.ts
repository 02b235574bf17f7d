import { describe, expect, it } from 'vitest';
import { compareVersions, isAppOutdated } from './version';

describe('compareVersions', () => {
  it('compares each part as a number', () => {
    expect(compareVersions('0.9.0', '0.10.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '0.99.99')).toBeGreaterThan(0);
  });

  it('treats missing parts as zero and ignores suffixes', () => {
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('v1.2.3-beta.1', '1.2.3')).toBe(0);
  });
});

describe('isAppOutdated', () => {
  const meta = (minimumAgentAppVersion: string) => ({
    name: 'ciao' as const,
    version: '1.0.0',
    minimumAgentAppVersion,
  });

  it('is outdated only below the minimum the server accepts', () => {
    expect(isAppOutdated('0.1.0', meta('0.2.0'))).toBe(true);
    expect(isAppOutdated('0.2.0', meta('0.2.0'))).toBe(false);
    expect(isAppOutdated('0.10.0', meta('0.2.0'))).toBe(false);
  });

  it('is not outdated while the server has not said', () => {
    expect(isAppOutdated('0.1.0', undefined)).toBe(false);
  });
});
