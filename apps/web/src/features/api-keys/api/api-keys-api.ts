import { apiKeyList, apiKeySummary, createdApiKey } from '@ciao/domain';
import type { CreateApiKeyRequest } from '@ciao/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api';

export type ApiKeyList = z.output<typeof apiKeyList>;
export type CreatedApiKey = z.output<typeof createdApiKey>;

/** `GET /api/api-keys` (apiKeys.manage): never the keys, only their prefix. */
export function listApiKeys(signal?: AbortSignal): Promise<ApiKeyList> {
  return api.get('/api/api-keys', apiKeyList, { signal });
}

/** The answer carries the key itself, this once: it is stored hashed. */
export function createApiKey(body: CreateApiKeyRequest): Promise<CreatedApiKey> {
  return api.post('/api/api-keys', createdApiKey, body);
}

/** Revokes a key: the integration using it is refused from its next request. */
export function revokeApiKey(apiKeyId: string) {
  return api.post(`/api/api-keys/${encodeURIComponent(apiKeyId)}/revoke`, apiKeySummary, {});
}
