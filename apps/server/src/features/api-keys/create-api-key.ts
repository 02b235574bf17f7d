import { DomainError, type CreateApiKeyRequest } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { apiKeyAuditSnapshot } from './api-key-presenter.js';
import { insertApiKey } from './api-key-repository.js';
import { newApiKey } from './api-key-secret.js';

/**
 * Creates an API key of the caller's company. The key is returned once, here; only its prefix and
 * hash are kept, so a lost key is revoked and replaced, never shown again.
 */
export async function createApiKey(ctx: AppContext, caller: Caller, input: CreateApiKeyRequest) {
  const now = ctx.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'The expiry date is in the past: choose a later one.', {
      fieldErrors: [{ path: 'expiresAt', code: 'IN_THE_PAST', message: 'must be in the future' }],
    });
  }
  const { key, prefix, keyHash } = newApiKey();
  const apiKey = await ctx.db.transaction(async (tx) => {
    const created = await insertApiKey(tx, {
      tenantId: caller.tenantId,
      name: input.name,
      prefix,
      keyHash,
      scopes: input.scopes,
      expiresAt,
      createdByUserId: caller.userId,
      now,
    });
    await recordCallerAudit(tx, caller, {
      action: 'apiKey.created',
      entityType: 'api_key',
      entityId: created.id,
      after: apiKeyAuditSnapshot(created),
    });
    return created;
  });
  return { key, apiKey };
}
