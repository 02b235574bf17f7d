import {
  can,
  canWriteAgentOfType,
  maskNiss,
  type AgentListItem,
  type AgentView,
  type Role,
} from '@ciao/domain';
import type { UserRow } from '../users/user-repository.js';
import type { AgentRow } from './agent-repository.js';

type EmploymentStatus = AgentListItem['employmentStatus'];

/**
 * One row of the agents list. The NISS is always masked in lists; the credentials (mobile
 * identifier, whether a mobile password is set) are left out entirely, keys included, for roles
 * without `agentCredentials.read` (the supervisor).
 */
export function presentAgentListItem(row: AgentRow, role: Role): AgentListItem {
  const item: AgentListItem = {
    id: row.id,
    identifier: row.identifier,
    firstName: row.firstName,
    lastName: row.lastName,
    niss: row.niss === null ? null : maskNiss(row.niss),
    agentType: row.agentType,
    employmentStatus: row.employmentStatus as EmploymentStatus,
    employer: row.subcontractorId
      ? { kind: 'subcontractor', subcontractorId: row.subcontractorId, name: row.subcontractorName ?? '' }
      : { kind: 'own', subcontractorId: null, name: row.companyName },
    language: row.language,
    active: row.active,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    mobileAccess: row.mobileAccess,
  };
  if (can(role, 'agentCredentials.read')) {
    item.mobileIdentifier = row.mobileIdentifier;
    item.hasMobilePassword = row.hasMobilePassword;
  }
  return item;
}

/**
 * One agent in full. The NISS is shown in full only to those who may edit this agent (its HR data),
 * masked to everyone else; the linked web user only to those who manage users.
 */
export function presentAgent(row: AgentRow, role: Role, user: UserRow | undefined): AgentView {
  const fullNiss = canWriteAgentOfType(role, row.agentType);
  const view: AgentView = {
    ...presentAgentListItem(row, role),
    niss: row.niss === null || !fullNiss ? row.niss && maskNiss(row.niss) : row.niss,
    nissMasked: row.niss !== null && !fullNiss,
    limosaId: row.limosaId,
    payrollNumber: row.payrollNumber,
    email: row.email,
    phone: row.phone,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (can(role, 'users.read')) {
    view.user = user
      ? { id: user.id, login: user.login, role: user.role as Role, active: user.active }
      : null;
  }
  return view;
}

/**
 * What the audit trail keeps of an agent: the NISS masked (the trail is read by administrators in
 * lists and exports, and the full number stays on the agent), the password only as "set or not".
 */
export function agentAuditSnapshot(row: AgentRow) {
  return {
    identifier: row.identifier,
    firstName: row.firstName,
    lastName: row.lastName,
    niss: row.niss === null ? null : maskNiss(row.niss),
    limosaId: row.limosaId,
    agentType: row.agentType,
    employmentStatus: row.employmentStatus,
    subcontractorId: row.subcontractorId,
    payrollNumber: row.payrollNumber,
    language: row.language,
    email: row.email,
    phone: row.phone,
    mobileAccess: row.mobileAccess,
    mobileIdentifier: row.mobileIdentifier,
    hasMobilePassword: row.hasMobilePassword,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    active: row.active,
  };
}
