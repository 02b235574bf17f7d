import { describe, expect, it } from 'vitest';
import { notificationSubscription, notificationTypes, notificationTypesFor } from './notifications.js';

describe('notification types by role', () => {
  it('offers every type to the roles that read everything but users, nothing to NONE', () => {
    for (const role of ['ADMIN', 'ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const) {
      expect(notificationTypesFor(role)).toEqual(notificationTypes);
    }
    expect(notificationTypesFor('NONE')).toEqual([]);
  });

  it('needs an id for a site or client scope and none for the whole company', () => {
    const id = '5f0c6a39-8a3c-4b8e-9d4e-1a2b3c4d5e6f';
    expect(
      notificationSubscription.safeParse({ type: 'onss.refused', scope: 'site', scopeId: id }).success,
    ).toBe(true);
    expect(
      notificationSubscription.safeParse({ type: 'onss.refused', scope: 'site', scopeId: null }).success,
    ).toBe(false);
    expect(
      notificationSubscription.safeParse({ type: 'onss.refused', scope: 'all', scopeId: id }).success,
    ).toBe(false);
  });
});
