import type { Capability } from '@ciao/domain';

/** The screens the router has today: the menu only links to these, so it grows with the app. */
export const implementedScreens = [
  '/',
  '/agents',
  '/clients',
  '/sites',
  '/subcontractors',
  '/tasks',
  '/licences',
  '/users',
  '/company',
  '/imports',
  '/onss',
  '/anomalies',
  '/api-keys',
  '/registrations',
  '/work-sessions',
  '/analytics',
  '/webhooks',
  '/presence',
  '/exports',
  '/notifications',
] as const;

export type NavigationLabel =
  | 'dashboard'
  | 'agents'
  | 'clients'
  | 'sites'
  | 'subcontractors'
  | 'tasks'
  | 'registrations'
  | 'workSessions'
  | 'presence'
  | 'onss'
  | 'anomalies'
  | 'licences'
  | 'users'
  | 'company'
  | 'imports'
  | 'audit'
  | 'apiKeys'
  | 'analytics'
  | 'webhooks'
  | 'exports'
  | 'notifications';

export interface NavigationItem {
  label: NavigationLabel;
  path: string;
  /** Shown when the session has any of these; an empty list means every signed-in user. */
  anyOf: readonly Capability[];
}

/** The back-office menu, in order, with the capability that opens each screen. */
export const navigation: readonly NavigationItem[] = [
  { label: 'dashboard', path: '/', anyOf: [] },
  { label: 'agents', path: '/agents', anyOf: ['agents.read'] },
  // Clients and their sites are two entries: a manager looks a site up by its own name far more
  // often than through its client; each client still lists its sites, with a link to add one.
  { label: 'clients', path: '/clients', anyOf: ['clients.read'] },
  { label: 'sites', path: '/sites', anyOf: ['sites.read'] },
  { label: 'subcontractors', path: '/subcontractors', anyOf: ['subcontractors.read'] },
  { label: 'tasks', path: '/tasks', anyOf: ['tasks.read'] },
  { label: 'registrations', path: '/registrations', anyOf: ['registrations.read'] },
  { label: 'workSessions', path: '/work-sessions', anyOf: ['workSessions.read'] },
  { label: 'presence', path: '/presence', anyOf: ['registrations.read'] },
  { label: 'onss', path: '/onss', anyOf: ['onssRegistrations.read'] },
  { label: 'anomalies', path: '/anomalies', anyOf: ['anomalies.read'] },
  { label: 'analytics', path: '/analytics', anyOf: ['analytics.read'] },
  { label: 'exports', path: '/exports', anyOf: ['exports.read'] },
  { label: 'licences', path: '/licences', anyOf: ['licences.read'] },
  { label: 'users', path: '/users', anyOf: ['users.read'] },
  { label: 'company', path: '/company', anyOf: ['company.read'] },
  // Importing a kind is creating it: whoever may create clients, sites or agents may import them.
  { label: 'imports', path: '/imports', anyOf: ['clients.write', 'sites.write', 'agents.write'] },
  { label: 'audit', path: '/audit', anyOf: ['audit.read'] },
  { label: 'apiKeys', path: '/api-keys', anyOf: ['apiKeys.manage'] },
  { label: 'webhooks', path: '/webhooks', anyOf: ['webhooks.manage'] },
  // Every signed-in user chooses their own e-mails (the types offered follow the role).
  { label: 'notifications', path: '/notifications', anyOf: ['backOffice.access'] },
];

/**
 * The menu of a session: the items its capabilities open, among the screens that exist.
 * Example: `menuFor(session.capabilities)`.
 */
export function menuFor(
  capabilities: readonly Capability[],
  screens: readonly string[] = implementedScreens,
): NavigationItem[] {
  const granted = new Set(capabilities);
  return navigation.filter(
    (item) =>
      screens.includes(item.path) &&
      (item.anyOf.length === 0 || item.anyOf.some((capability) => granted.has(capability))),
  );
}

/** Whether a session may open a screen: `canOpen(['users.read'], '/users')`. */
export function canOpen(capabilities: readonly Capability[], path: string): boolean {
  const item = navigation.find((entry) => entry.path === path);
  if (!item) return true;
  return item.anyOf.length === 0 || item.anyOf.some((capability) => capabilities.includes(capability));
}
