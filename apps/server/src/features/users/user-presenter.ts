import type { Role, UserView } from '@ciao/domain';
import type { UserRow } from './user-repository.js';

export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    email: row.email,
    language: row.language,
    role: row.role as Role,
    active: row.active,
    hasPassword: row.hasPassword,
    secondFactorEnabled: row.totpEnabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    agent: row.agentId && row.agentIdentifier ? { id: row.agentId, identifier: row.agentIdentifier } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a user: no secret, only whether a password or second factor is set. */
export function userAuditSnapshot(row: UserRow) {
  return {
    login: row.login,
    displayName: row.displayName,
    email: row.email,
    language: row.language,
    role: row.role,
    active: row.active,
    hasPassword: row.hasPassword,
    secondFactorEnabled: row.totpEnabledAt !== null,
    agentId: row.agentId,
  };
}
