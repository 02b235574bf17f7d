import type { Role } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudits } from '../audit/audit-repository.js';
import { userAuditSnapshot } from '../users/user-presenter.js';
import { findUsers, freeLogins, insertUsers } from '../users/user-repository.js';

interface LinkedAgent {
  id: string;
  identifier: string;
  firstName: string;
  lastName: string;
  email: string | null;
  language: string;
}

/**
 * Creates the web user that every agent has ("création automatique de l'utilisateur"), in the
 * caller's transaction: login = the identifier in lower case (`-2`, `-3`, … when taken), role NONE
 * unless an administrator chose another, and no password: it cannot sign in until an administrator
 * sets one.
 */
export async function createLinkedUser(
  tx: Db,
  caller: Caller,
  agent: LinkedAgent,
  access: { role: Role; active: boolean },
  now: Date,
) {
  const [user] = await createLinkedUsers(tx, caller, [{ agent, access }], now);
  return user!;
}

/** The same for many agents at once (an import), in a few statements; users in the order given. */
export async function createLinkedUsers(
  tx: Db,
  caller: Caller,
  items: readonly { agent: LinkedAgent; access: { role: Role; active: boolean } }[],
  now: Date,
) {
  const logins = await freeLogins(
    tx,
    caller.tenantId,
    items.map(({ agent }) => agent.identifier.toLowerCase()),
  );
  const userIds = await insertUsers(
    tx,
    items.map(({ agent, access }, index) => ({
      tenantId: caller.tenantId,
      login: logins[index]!,
      displayName: `${agent.firstName} ${agent.lastName}`,
      email: agent.email,
      language: agent.language,
      role: access.role,
      active: access.active,
      agentId: agent.id,
      passwordHash: null,
      passwordChangedAt: null,
      now,
    })),
  );
  const byId = new Map((await findUsers(tx, caller.tenantId, userIds)).map((user) => [user.id, user]));
  const users = userIds.map((id) => {
    const user = byId.get(id);
    if (!user) throw new Error('linked user not found after insert');
    return user;
  });
  await recordCallerAudits(
    tx,
    caller,
    users.map((user) => ({
      action: 'user.created',
      entityType: 'web_user',
      entityId: user.id,
      after: { ...userAuditSnapshot(user), createdFor: 'agent' },
    })),
  );
  return users;
}
