import { z } from 'zod';
import { isoInstant } from './common.js';
import { apiKeyScope } from './public-api.js';

/**
 * `active`, or why the key no longer opens the public API.
 *
 * @example
 * apiKeyStatus.parse('revoked');
 */
export const apiKeyStatus = z.enum(['active', 'expired', 'revoked']);

/**
 * An API key as the back-office lists it: never the key itself, only its prefix (`ciao_<prefix>_…`).
 *
 * @example
 * apiKeySummary.shape.lastUsedAt;
 */
export const apiKeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiKeyScope),
  status: apiKeyStatus,
  expiresAt: isoInstant.nullable(),
  revokedAt: isoInstant.nullable(),
  /** Kept to the minute. */
  lastUsedAt: isoInstant.nullable(),
  createdAt: isoInstant,
});

export type ApiKeySummary = z.infer<typeof apiKeySummary>;

/** @example apiKeyList.parse({ items: [] }); */
export const apiKeyList = z.object({ items: z.array(apiKeySummary) });

/**
 * A new key: a name to recognise it, its scopes (`write` implies reading), an optional expiry.
 *
 * @example
 * createApiKeyRequest.parse({ name: 'Payroll export', scopes: ['read'] });
 */
export const createApiKeyRequest = z.object({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  scopes: z
    .array(apiKeyScope)
    .min(1, 'choose at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: isoInstant.optional(),
});

export type CreateApiKeyRequest = z.output<typeof createApiKeyRequest>;

/**
 * The only answer that ever contains the key: show it once, the server keeps only its hash.
 *
 * @example
 * createdApiKey.shape.key; // 'ciao_k3x9q2m7_…'
 */
export const createdApiKey = z.object({ apiKey: apiKeySummary, key: z.string() });
