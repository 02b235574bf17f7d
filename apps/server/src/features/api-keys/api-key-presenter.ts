import type { ApiKeyScope, ApiKeySummary } from '@ciao/domain';
import type { ApiKeyRow } from './api-key-repository.js';

const iso = (instant: Date | null) => (instant ? instant.toISOString() : null);

/** Revoked wins over expired: it is the company's own decision and cannot be undone. */
export function apiKeyStatusAt(key: Pick<ApiKeyRow, 'expiresAt' | 'revokedAt'>, now: Date) {
  if (key.revokedAt) return 'revoked' as const;
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired' as const;
  return 'active' as const;
}

export function presentApiKey(key: ApiKeyRow, now: Date): ApiKeySummary {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes as ApiKeyScope[],
    status: apiKeyStatusAt(key, now),
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
    createdAt: key.createdAt.toISOString(),
  };
}

/** What the audit trail keeps of a key: enough to recognise it, never the secret or its hash. */
export function apiKeyAuditSnapshot(key: ApiKeyRow) {
  return {
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
  };
}
