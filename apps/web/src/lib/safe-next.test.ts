import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './safe-next';

describe('safeNext', () => {
  it('keeps a path of this site', () => {
    expect(safeNext('/users?page=2')).toBe('/users?page=2');
  });
  it('refuses other sites and the sign-in page', () => {
    for (const next of [null, '', 'https://evil.example', '//evil.example', '/\\evil', '/sign-in?next=/x']) {
      expect(safeNext(next)).toBe('/');
    }
  });
});

describe('signInPath', () => {
  it('comes back to the page asked for', () => {
    expect(signInPath('/users?q=a')).toBe('/sign-in?next=%2Fusers%3Fq%3Da');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/users', { expired: true })).toBe('/sign-in?next=%2Fusers&expired=1');
  });
});
