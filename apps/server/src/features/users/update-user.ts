import { DomainError, type UpdateUserRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { auditDiff } from '../audit/audit-diff.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { revokeUserWebSessions } from '../auth/web-session-repository.js';
import { requireUserRow } from './get-user.js';
import { userAuditSnapshot } from './user-presenter.js';
import { updateUser as saveUser, type UserChanges } from './user-repository.js';

/**
 * Refuses what would lock the caller out: taking away one's own ADMIN role or deactivating oneself.
 * Since only administrators manage users, this also keeps at least one active administrator.
 */
export function assertNotLockingOut(
  caller: Caller,
  userId: string,
  change: { role?: string; active?: boolean },
  paths: { role: string; active: string } = { role: 'role', active: 'active' },
) {
  if (userId !== caller.userId) return;
  if (change.role !== undefined && change.role !== caller.role) {
    throw new DomainError(
      'CANNOT_CHANGE_OWN_ACCESS',
      'You cannot change your own role: ask another administrator.',
      { fieldErrors: [{ path: paths.role, code: 'CANNOT_CHANGE_OWN_ACCESS', message: 'is your own role' }] },
    );
  }
  if (change.active === false) {
    throw new DomainError('CANNOT_CHANGE_OWN_ACCESS', 'You cannot deactivate your own account.', {
      fieldErrors: [{ path: paths.active, code: 'CANNOT_CHANGE_OWN_ACCESS', message: 'is your own account' }],
    });
  }
}

/** Changes a user's profile, role or active flag; deactivating signs the user out everywhere. */
export async function updateUser(ctx: AppContext, caller: Caller, userId: string, input: UpdateUserRequest) {
  const current = await requireUserRow(ctx.db, caller.tenantId, userId);
  assertNotLockingOut(caller, userId, input);
  const changes: UserChanges = {};
  if (input.displayName !== undefined) changes.displayName = input.displayName;
  if (input.email !== undefined) changes.email = input.email;
  if (input.language !== undefined) changes.language = input.language;
  if (input.role !== undefined) changes.role = input.role;
  if (input.active !== undefined) changes.active = input.active;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await saveUser(tx, caller.tenantId, userId, changes, now);
    if (input.active === false) await revokeUserWebSessions(tx, caller.tenantId, userId, now);
    const updated = await requireUserRow(tx, caller.tenantId, userId);
    await recordCallerAudit(tx, caller, {
      action: 'user.updated',
      entityType: 'web_user',
      entityId: userId,
      ...auditDiff(userAuditSnapshot(current), userAuditSnapshot(updated)),
    });
    return updated;
  });
}
