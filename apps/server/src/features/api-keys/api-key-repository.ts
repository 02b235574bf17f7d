import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiKeys, tenants } from '../../db/schema/index.js';

/** What may leave the database about a key: never its hash. */
const apiKeyColumns = {
  id: apiKeys.id,
  tenantId: apiKeys.tenantId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  createdAt: apiKeys.createdAt,
};

export interface ApiKeyRow {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

export async function insertApiKey(
  db: Db,
  values: {
    tenantId: string;
    name: string;
    prefix: string;
    keyHash: string;
    scopes: string[];
    expiresAt: Date | null;
    createdByUserId: string;
    now: Date;
  },
): Promise<ApiKeyRow> {
  const { now, ...columns } = values;
  const [row] = await db
    .insert(apiKeys)
    .values({ ...columns, createdAt: now })
    .returning(apiKeyColumns);
  if (!row) throw new Error('api key not inserted');
  return row;
}

/** The company's keys, newest first (a company has a handful: no pagination). */
export async function listApiKeys(db: Db, tenantId: string): Promise<ApiKeyRow[]> {
  return db
    .select(apiKeyColumns)
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export async function findApiKey(db: Db, tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select(apiKeyColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
  return row;
}

/** The key of a presented secret (by its public prefix), its hash and its company; any company. */
export async function findApiKeyByPrefix(db: Db, prefix: string) {
  const [row] = await db
    .select({
      key: { ...apiKeyColumns, keyHash: apiKeys.keyHash },
      tenant: { id: tenants.id, code: tenants.code, status: tenants.status },
    })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(eq(apiKeys.prefix, prefix))
    .limit(1);
  return row;
}

export async function markApiKeyRevoked(db: Db, tenantId: string, id: string, now: Date) {
  await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

export async function touchApiKey(db: Db, id: string, now: Date) {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}
