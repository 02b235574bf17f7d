import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { apiKeyAuditSnapshot } from './api-key-presenter.js';
import { findApiKey, markApiKeyRevoked } from './api-key-repository.js';

/**
 * Revokes an API key: its next request is refused (401 API_KEY_REVOKED). Revoking a revoked key
 * changes nothing and writes no audit row.
 */
export async function revokeApiKey(ctx: AppContext, caller: Caller, apiKeyId: string) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findApiKey(tx, caller.tenantId, apiKeyId);
    if (!before) throw new DomainError('NOT_FOUND', 'No such API key in your company.');
    if (before.revokedAt) return before;
    await markApiKeyRevoked(tx, caller.tenantId, apiKeyId, now);
    const after = await findApiKey(tx, caller.tenantId, apiKeyId);
    if (!after) throw new DomainError('NOT_FOUND', 'No such API key in your company.');
    await recordCallerAudit(tx, caller, {
      action: 'apiKey.revoked',
      entityType: 'api_key',
      entityId: apiKeyId,
      before: apiKeyAuditSnapshot(before),
      after: apiKeyAuditSnapshot(after),
    });
    return after;
  });
}
