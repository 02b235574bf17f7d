/**
 * The product's rights table ("Gestion des droits"), kept as data so that the server's checks and
 * the back-office menus are both derived from this one place.
 *
 * | Role                       | Rights (from the product description)                                          |
 * | -------------------------- | ------------------------------------------------------------------------------ |
 * | Administrateur             | sees and modifies everything                                                   |
 * | Gestionnaire administratif | sees everything except Users; adds clients, sites, agents (with their user),    |
 * |                            | tasks and task groups; cannot create or modify an agent of type ADM or GST     |
 * | Gestionnaire RH            | sees everything except Users; adds agents (with their user); same ADM/GST rule |
 * | Superviseur                | sees everything except Users and agents' credentials; may only edit the ONSS   |
 * |                            | registration follow-up fields                                                  |
 * | Inspecteur                 | sees everything except Users; may only edit the follow-up fields               |
 * | Néant                      | no access to the web back-office                                               |
 */

/**
 * The roles of a web user. A web user has exactly one.
 *
 * @example
 * roles.includes('SUPERVISOR'); // true
 */
export const roles = ['ADMIN', 'ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR', 'NONE'] as const;

export type Role = (typeof roles)[number];

/**
 * Every capability the back-office and the API check. `*.read` opens a screen or a list, `*.write`
 * creates, edits or deletes.
 *
 * @example
 * capabilities.includes('agents.write'); // true
 */
export const capabilities = [
  'backOffice.access',
  'company.read',
  'company.write',
  'users.read',
  'users.write',
  'audit.read',
  'apiKeys.manage',
  'webhooks.manage',
  'licences.read',
  'licences.write',
  'clients.read',
  'clients.write',
  'subcontractors.read',
  'subcontractors.write',
  'sites.read',
  'sites.write',
  'taskGroups.read',
  'taskGroups.write',
  'tasks.read',
  'tasks.write',
  'agents.read',
  'agents.write',
  /** Mobile identifier and the "password set" state: the supervisor may not see them. */
  'agentCredentials.read',
  /** Setting or resetting an agent's mobile password. Nobody can ever read a password. */
  'agentCredentials.write',
  /** Agents of type ADM or GST, whom the two manager roles may not create or modify. */
  'agents.writeRestrictedTypes',
  'registrations.read',
  'workSessions.read',
  'workSessions.correct',
  'onssRegistrations.read',
  'onssRegistrations.resend',
  'onssFollowUp.write',
  'onssCorrections.write',
  'anomalies.read',
  'anomalies.manage',
  'analytics.read',
  'exports.read',
] as const;

export type Capability = (typeof capabilities)[number];

/** What every role that "sees everything except Users" may read. */
const readEverythingButUsers: readonly Capability[] = [
  'backOffice.access',
  'company.read',
  'licences.read',
  'clients.read',
  'subcontractors.read',
  'sites.read',
  'taskGroups.read',
  'tasks.read',
  'agents.read',
  'agentCredentials.read',
  'registrations.read',
  'workSessions.read',
  'onssRegistrations.read',
  'anomalies.read',
  'analytics.read',
  'exports.read',
];

const without = (list: readonly Capability[], removed: Capability): Capability[] =>
  list.filter((capability) => capability !== removed);

/**
 * The rights table as data: the capabilities of each role.
 *
 * Decisions where the product description is silent (see docs/decisions/003-rights-table.md):
 * - anomalies are acknowledged and resolved by ADMIN and the two manager roles; the supervisor and the
 *   inspector "may only edit the follow-up fields", so they only read them;
 * - work-session corrections (time accounting) belong to ADMIN and the two manager roles;
 * - the audit log, API keys and webhooks are ADMIN only, like users and company settings;
 * - ONSS correction requests and resending are follow-up work: ADMIN, SUPERVISOR and INSPECTOR;
 * - a CSV import needs the right to create that kind of object: importing is creating, line by line.
 *
 * @example
 * rightsTable.HR_MANAGER.includes('agents.write'); // true
 */
export const rightsTable: Readonly<Record<Role, readonly Capability[]>> = {
  ADMIN: capabilities,
  ADMIN_MANAGER: [
    ...readEverythingButUsers,
    'clients.write',
    'subcontractors.write',
    'sites.write',
    'taskGroups.write',
    'tasks.write',
    'agents.write',
    'agentCredentials.write',
    'workSessions.correct',
    'anomalies.manage',
  ],
  HR_MANAGER: [
    ...readEverythingButUsers,
    'agents.write',
    'agentCredentials.write',
    'workSessions.correct',
    'anomalies.manage',
  ],
  SUPERVISOR: [
    ...without(readEverythingButUsers, 'agentCredentials.read'),
    'onssFollowUp.write',
    'onssRegistrations.resend',
    'onssCorrections.write',
  ],
  INSPECTOR: [
    ...readEverythingButUsers,
    'onssFollowUp.write',
    'onssRegistrations.resend',
    'onssCorrections.write',
  ],
  NONE: [],
};

const capabilitySets = new Map<Role, ReadonlySet<Capability>>(
  roles.map((role) => [role, new Set(rightsTable[role])]),
);

/**
 * Whether a role has a capability.
 *
 * @example
 * can('SUPERVISOR', 'onssFollowUp.write'); // true
 * can('SUPERVISOR', 'agents.write'); // false
 */
export function can(role: Role, capability: Capability): boolean {
  return capabilitySets.get(role)?.has(capability) ?? false;
}

/**
 * Agent types that only an administrator may create or modify (the product's "ADM" and "GST").
 *
 * @example
 * restrictedAgentTypes.includes('GST'); // true
 */
export const restrictedAgentTypes = ['ADM', 'GST'] as const;

/**
 * Whether a role may create or modify an agent of the given type.
 *
 * @example
 * canWriteAgentOfType('ADMIN_MANAGER', 'FIELD'); // true
 * canWriteAgentOfType('ADMIN_MANAGER', 'ADM'); // false
 */
export function canWriteAgentOfType(role: Role, agentType: string): boolean {
  if (!can(role, 'agents.write')) return false;
  const restricted = (restrictedAgentTypes as readonly string[]).includes(agentType);
  return !restricted || can(role, 'agents.writeRestrictedTypes');
}
