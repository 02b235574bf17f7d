import type { UserListQuery } from '@ciao/domain';
import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
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
/**
 * A free login for each base (`base`, else `base-2`, `base-3`, …), distinct from each other too,
 * in one query whatever the number of bases (an import). A base that is free keeps its exact
 * login even when an earlier one would have taken it as a numbered variant.
 */
export async function freeLogins(db: Db, tenantId: string, bases: readonly string[]): Promise<string[]> {
  const lowered = bases.map((base) => base.toLowerCase());
  if (lowered.length === 0) return [];
  const unique = [...new Set(lowered)];
  const rows = await db
    .select({ login: sql<string>`lower(${webUsers.login})` })
    .from(webUsers)
    .where(
      and(
        eq(webUsers.tenantId, tenantId),
        or(
          inArray(sql`lower(${webUsers.login})`, unique),
          inArray(sql`regexp_replace(lower(${webUsers.login}), '-[0-9]+$', '')`, unique),
        ),
      ),
    );
  const taken = new Set(rows.map((row) => row.login));
  const reserved = new Set(unique.filter((base) => !taken.has(base)));
  const given = new Set<string>();
  return lowered.map((base) => {
    if (reserved.has(base) && !given.has(base)) {
      given.add(base);
      return base;
    }
    for (let suffix = 2; ; suffix += 1) {
      const candidate = `${base}-${suffix}`;
      if (!taken.has(candidate) && !reserved.has(candidate) && !given.has(candidate)) {
        given.add(candidate);
        return candidate;
      }
    }
  });
}

type UserInsert = Pick<
  typeof webUsers.$inferInsert,
  'tenantId' | 'login' | 'displayName' | 'email' | 'language' | 'role' | 'agentId' | 'active'
> & { passwordHash: string | null; passwordChangedAt: Date | null; now: Date };

export async function insertUser(db: Db, values: UserInsert): Promise<string> {
  const [id] = await insertUsers(db, [values]);
  if (!id) throw new Error('user not inserted');
  return id;
}

// Rows per statement: about a dozen columns each stays far below PostgreSQL's 65,535 parameters.
const USER_ROWS_PER_STATEMENT = 1000;

/** Inserts users in few statements (an import); answers their ids in the order given. */
export async function insertUsers(db: Db, values: readonly UserInsert[]): Promise<string[]> {
  const idByLogin = new Map<string, string>();
  for (let start = 0; start < values.length; start += USER_ROWS_PER_STATEMENT) {
    const rows = await db
      .insert(webUsers)
      .values(
        values
          .slice(start, start + USER_ROWS_PER_STATEMENT)
          .map(({ now, ...row }) => ({ ...row, createdAt: now, updatedAt: now })),
      )
      .returning({ id: webUsers.id, login: webUsers.login });
    for (const row of rows) idByLogin.set(row.login.toLowerCase(), row.id);
  }
  // Matched by login (unique per company): RETURNING does not promise the order of VALUES.
  return values.map((user) => {
    const id = idByLogin.get(user.login.toLowerCase());
    if (!id) throw new Error('user not inserted');
    return id;
  });
}

/** Several users of the company by id, in no particular order. */
export async function findUsers(db: Db, tenantId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .select(userColumns)
    .from(webUsers)
    .leftJoin(agents, eq(agents.id, webUsers.agentId))
    .where(and(eq(webUsers.tenantId, tenantId), inArray(webUsers.id, [...userIds])));
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
