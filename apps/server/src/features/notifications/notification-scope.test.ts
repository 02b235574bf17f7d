import { describe, expect, it } from 'vitest';
import { alertInScope, scopeFromStored, scopeToStored } from './notification-scope.js';

const clientOfSite = new Map([
  ['louise', 'immo'],
  ['midi', 'gare'],
]);

describe('notification scopes', () => {
  it('lets the whole-company scope see every alert', () => {
    expect(alertInScope({ scope: 'all', scopeId: null }, { siteIds: ['midi'] }, clientOfSite)).toBe(true);
    expect(alertInScope({ scope: 'all', scopeId: null }, { siteIds: [null] }, clientOfSite)).toBe(true);
  });

  it('keeps a site scope to its site, and a client scope to its sites', () => {
    const louise = { scope: 'site', scopeId: 'louise' } as const;
    expect(alertInScope(louise, { siteIds: ['louise'] }, clientOfSite)).toBe(true);
    expect(alertInScope(louise, { siteIds: ['midi'] }, clientOfSite)).toBe(false);
    expect(alertInScope(louise, { siteIds: [null] }, clientOfSite)).toBe(false);
    const gare = { scope: 'client', scopeId: 'gare' } as const;
    expect(alertInScope(gare, { siteIds: ['midi'] }, clientOfSite)).toBe(true);
    expect(alertInScope(gare, { siteIds: ['louise'] }, clientOfSite)).toBe(false);
    expect(alertInScope(gare, { siteIds: ['louise', 'midi'] }, clientOfSite)).toBe(true);
  });

  it('tells every scope of a company-wide alert', () => {
    expect(alertInScope({ scope: 'site', scopeId: 'louise' }, 'company', clientOfSite)).toBe(true);
  });

  it('stores a scope as the jsonb it was given and reads it back', () => {
    for (const scope of [
      { scope: 'all', scopeId: null },
      { scope: 'site', scopeId: 'louise' },
      { scope: 'client', scopeId: 'gare' },
    ] as const) {
      expect(scopeFromStored(scopeToStored(scope))).toEqual(scope);
    }
  });
});
