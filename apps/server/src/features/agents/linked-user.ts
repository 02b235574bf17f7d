import type { Role } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { userAuditSnapshot } from '../users/user-presenter.js';
import { findUser, freeLogin, insertUser } from '../users/user-repository.js';

/**
 * Creates the web user that every agent has ("création automatique de l'utilisateur"), in the
 * caller's transaction: login = the identifier in lower case (`-2`, `-3`, … when taken), role NONE
 * unless an administrator chose another, and no password: it cannot sign in until an administrator
 * sets one.
 */
export async function createLinkedUser(
  tx: Db,
  caller: Caller,
  agent: {
    id: string;
    identifier: string;
    firstName: string;
    lastName: string;
    email: string | null;
    language: string;
  },
  access: { role: Role; active: boolean },
  now: Date,
) {
  const login = await freeLogin(tx, caller.tenantId, agent.identifier.toLowerCase());
  const userId = await insertUser(tx, {
    tenantId: caller.tenantId,
    login,
    displayName: `${agent.firstName} ${agent.lastName}`,
    email: agent.email,
    language: agent.language,
    role: access.role,
    active: access.active,
    agentId: agent.id,
    passwordHash: null,
    passwordChangedAt: null,
    now,
  });
  const user = await findUser(tx, caller.tenantId, userId);
  if (!user) throw new Error('linked user not found after insert');
  await recordCallerAudit(tx, caller, {
    action: 'user.created',
    entityType: 'web_user',
    entityId: userId,
    after: { ...userAuditSnapshot(user), createdFor: 'agent' },
  });
  return user;
}
