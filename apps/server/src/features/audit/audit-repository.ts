import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';

export type AuditActor =
  | { type: 'user'; id: string }
  | { type: 'agent'; id: string }
  | { type: 'api_key'; id: string }
  | { type: 'operator'; id: string }
  | { type: 'system'; id?: string }
  | { type: 'anonymous'; id?: string };

export interface AuditEntry {
  tenantId: string | null;
  actor: AuditActor;
  action: string;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
  requestId?: string;
}

/** Secrets never enter the audit trail, even hashed: only the fact that they changed. */
const secretKeys = new Set([
  'passwordHash',
  'mobilePasswordHash',
  'totpSecretEncrypted',
  'recoveryCodeHashes',
  'tokenHash',
  'codeHash',
  'keyHash',
  'secretEncrypted',
  'privateKeyEncrypted',
]);

export function withoutSecrets(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(withoutSecrets);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !secretKeys.has(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
}

// Rows per statement: ten columns each stays far below PostgreSQL's 65,535 parameters.
const AUDIT_ROWS_PER_STATEMENT = 1000;

/**
 * Appends audit rows in few statements (a sync of many registrations, an import), in the caller's
 * transaction.
 */
export async function recordAudits(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_STATEMENT)
    await db.insert(auditLog).values(entries.slice(start, start + AUDIT_ROWS_PER_STATEMENT).map(toAuditRow));
}

/** The row an audit entry is stored as, for a caller that writes it in a statement of its own. */
export function toAuditRow(entry: AuditEntry) {
  return {
    tenantId: entry.tenantId,
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : withoutSecrets(entry.before),
    after: entry.after === undefined ? null : withoutSecrets(entry.after),
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
  };
}

/** Who did it, from where: a signed-in web user's request, or an API key's (see http/caller.ts). */
export interface AuditCaller {
  tenantId: string;
  userId: string;
  /** Set for a non-user caller (an API key): the audit rows name it instead of `userId`. */
  actor?: AuditActor;
  ip: string;
  requestId: string;
}

function callerActor(caller: AuditCaller): AuditActor {
  return caller.actor ?? { type: 'user', id: caller.userId };
}

/** Appends one audit row per change of a web user's request (an import), in a few statements. */
export async function recordCallerAudits(
  db: Db,
  caller: AuditCaller,
  entries: readonly Omit<AuditEntry, 'tenantId' | 'actor' | 'ip' | 'requestId'>[],
): Promise<void> {
  await recordAudits(
    db,
    entries.map((entry) => ({
      ...entry,
      tenantId: caller.tenantId,
      actor: callerActor(caller),
      ip: caller.ip,
      requestId: caller.requestId,
    })),
  );
}

/** Appends one audit row for a change a web user made, in the caller's transaction when given one. */
export async function recordCallerAudit(
  db: Db,
  caller: AuditCaller,
  entry: Omit<AuditEntry, 'tenantId' | 'actor' | 'ip' | 'requestId'>,
): Promise<void> {
  await recordAudit(db, {
    ...entry,
    tenantId: caller.tenantId,
    actor: callerActor(caller),
    ip: caller.ip,
    requestId: caller.requestId,
  });
}

/** Appends one audit row, in the caller's transaction when given one. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(toAuditRow(entry));
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** Rows older than this id (cursor pagination, newest first). */
  beforeId?: number;
  limit: number;
}

export async function listAudit(db: Db, tenantId: string, filter: AuditFilter) {
  const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)];
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
