import type { NotificationScope } from '@ciao/domain';

/** A subscription's scope as stored: the whole company, or one site's or client's id. */
export interface ScopeOf {
  scope: NotificationScope;
  scopeId: string | null;
}

/** Where an alert happened: on some sites (any of them may match), or about the whole company. */
export type AlertPlace = { siteIds: readonly (string | null)[] } | 'company';

/**
 * Whether an alert concerns a subscriber: a company-wide alert (the ONSS connection) concerns every
 * subscriber; a site-bound one concerns the `all` scope, its site's scope, and its site's client's.
 */
export function alertInScope(
  subscription: ScopeOf,
  place: AlertPlace,
  clientOfSite: ReadonlyMap<string, string | null>,
): boolean {
  if (place === 'company' || subscription.scope === 'all') return true;
  return place.siteIds.some((siteId) => {
    if (!siteId) return false;
    if (subscription.scope === 'site') return siteId === subscription.scopeId;
    return clientOfSite.get(siteId) === subscription.scopeId;
  });
}

/** The stored jsonb scope (`{}`, `{ siteId }` or `{ clientId }`) as the API's scope and id. */
export function scopeFromStored(stored: { siteId?: string; clientId?: string }): ScopeOf {
  if (stored.siteId) return { scope: 'site', scopeId: stored.siteId };
  if (stored.clientId) return { scope: 'client', scopeId: stored.clientId };
  return { scope: 'all', scopeId: null };
}

export function scopeToStored(scope: ScopeOf): { siteId?: string; clientId?: string } {
  if (scope.scope === 'site' && scope.scopeId) return { siteId: scope.scopeId };
  if (scope.scope === 'client' && scope.scopeId) return { clientId: scope.scopeId };
  return {};
}
