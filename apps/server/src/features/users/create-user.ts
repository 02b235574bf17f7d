import { DomainError, type CreateUserRequest } from '@ciao/domain';
import { isUniqueViolation } from '../../db/query-helpers.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { hashPassword } from '../../security/passwords.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { requireUserRow } from './get-user.js';
import { userAuditSnapshot } from './user-presenter.js';
import { insertUser, loginTaken } from './user-repository.js';

export function duplicateLogin(): DomainError {
  return new DomainError('DUPLICATE_LOGIN', 'This login is already used in your company.', {
    fieldErrors: [{ path: 'login', code: 'DUPLICATE_LOGIN', message: 'is already used in your company' }],
  });
}

/** An administrator creates a web user with a first password. */
export async function createUser(ctx: AppContext, caller: Caller, input: CreateUserRequest) {
  if (await loginTaken(ctx.db, caller.tenantId, input.login)) throw duplicateLogin();
  // argon2 is slow by design: hash before the transaction, which stays short.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const userId = await insertUser(tx, {
        tenantId: caller.tenantId,
        login: input.login,
        displayName: input.displayName,
        email: input.email ?? null,
        language: input.language,
        role: input.role,
        agentId: null,
        passwordHash,
        passwordChangedAt: now,
        now,
      });
      const created = await requireUserRow(tx, caller.tenantId, userId);
      await recordCallerAudit(tx, caller, {
        action: 'user.created',
        entityType: 'web_user',
        entityId: userId,
        after: userAuditSnapshot(created),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'web_users_login_key')) throw duplicateLogin();
    throw error;
  }
}
