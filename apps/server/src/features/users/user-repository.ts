import type { UserListQuery } from '@ciao/domain';
import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, escapeLike, orderBy, pageOffset } from '../../db/query-helpers.js';
import { agents, webUsers } from '../../db/schema/index.js';

// What administration reads of a user: never a hash or a secret, only whether one is set.
const userColumns = {
  id: webUsers.id,
  tenantId: webUsers.tenantId,
  login: webUsers.login,
  displayName: webUsers.displayName,
  email: webUsers.email,
  language: webUsers.language,
  role: webUsers.role,
  active: webUsers.active,
  hasPassword: sql<boolean>`(${webUsers.passwordHash} is not null)`.mapWith(Boolean),
  totpEnabledAt: webUsers.totpEnabledAt,
  lastLoginAt: webUsers.lastLoginAt,
  agentId: webUsers.agentId,
  agentIdentifier: agents.identifier,
  createdAt: webUsers.createdAt,
  updatedAt: webUsers.updatedAt,
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

const sortColumns = {
  login: { column: webUsers.login, caseInsensitive: true },
  displayName: { column: webUsers.displayName, caseInsensitive: true },
  role: { column: webUsers.role, caseInsensitive: false },
  lastLoginAt: { column: webUsers.lastLoginAt, caseInsensitive: false },
  createdAt: { column: webUsers.createdAt, caseInsensitive: false },
} as const;

export async function listUsers(db: Db, tenantId: string, query: UserListQuery) {
  const conditions: SQL[] = [eq(webUsers.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(
        ilike(webUsers.login, pattern),
        ilike(webUsers.displayName, pattern),
        ilike(webUsers.email, pattern),
      )!,
    );
  }
  if (query.role) conditions.push(eq(webUsers.role, query.role));
  if (query.active !== undefined) conditions.push(eq(webUsers.active, query.active));
  const where = and(...conditions);
  const sort = sortColumns[query.sort];
  const rows = await db
    .select(userColumns)
    .from(webUsers)
    .leftJoin(agents, eq(agents.id, webUsers.agentId))
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, webUsers.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(webUsers).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findUser(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select(userColumns)
    .from(webUsers)
    .leftJoin(agents, eq(agents.id, webUsers.agentId))
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.id, userId)))
    .limit(1);
  return row;
}

/** The user linked to an agent, if it has one. */
export async function findUserOfAgent(db: Db, tenantId: string, agentId: string) {
  const [row] = await db
    .select(userColumns)
    .from(webUsers)
    .leftJoin(agents, eq(agents.id, webUsers.agentId))
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.agentId, agentId)))
    .limit(1);
  return row;
}

/** Logins are unique per company whatever their case. */
export async function loginTaken(db: Db, tenantId: string, login: string): Promise<boolean> {
  const [row] = await db
    .select({ id: webUsers.id })
    .from(webUsers)
    .where(and(eq(webUsers.tenantId, tenantId), eq(sql`lower(${webUsers.login})`, login.toLowerCase())))
    .limit(1);
  return row !== undefined;
}

/**
 * `base` if no user of the company has it (any case), else `base-2`, `base-3`, … : the login of an
 * agent's automatic user.
 */
export async function freeLogin(db: Db, tenantId: string, base: string): Promise<string> {
  const lowered = base.toLowerCase();
  const rows = await db
    .select({ login: sql<string>`lower(${webUsers.login})` })
    .from(webUsers)
    .where(
      and(
        eq(webUsers.tenantId, tenantId),
        or(
          eq(sql`lower(${webUsers.login})`, lowered),
          sql`lower(${webUsers.login}) like ${`${escapeLike(lowered)}-%`}`,
        ),
      ),
    );
  const taken = new Set(rows.map((row) => row.login));
  if (!taken.has(lowered)) return lowered;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${lowered}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function insertUser(
  db: Db,
  values: Pick<
    typeof webUsers.$inferInsert,
    'tenantId' | 'login' | 'displayName' | 'email' | 'language' | 'role' | 'agentId' | 'active'
  > & { passwordHash: string | null; passwordChangedAt: Date | null; now: Date },
): Promise<string> {
  const { now, ...row } = values;
  const [inserted] = await db
    .insert(webUsers)
    .values({ ...row, createdAt: now, updatedAt: now })
    .returning({ id: webUsers.id });
  if (!inserted) throw new Error('user not inserted');
  return inserted.id;
}

export type UserChanges = Partial<
  Pick<
    typeof webUsers.$inferInsert,
    | 'displayName'
    | 'email'
    | 'language'
    | 'role'
    | 'active'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'totpSecretEncrypted'
    | 'totpEnabledAt'
    | 'recoveryCodeHashes'
  >
>;

export async function updateUser(db: Db, tenantId: string, userId: string, changes: UserChanges, now: Date) {
  await db
    .update(webUsers)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.id, userId)));
}

/** Display names of the company's users among `ids` (for the audit list). */
export async function findUserNames(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await db
    .select({ id: webUsers.id, displayName: webUsers.displayName })
    .from(webUsers)
    .where(and(eq(webUsers.tenantId, tenantId), inArray(webUsers.id, uuids)));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
