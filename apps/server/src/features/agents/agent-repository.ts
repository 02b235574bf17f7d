import type { AgentListQuery } from '@ciao/domain';
import { and, count, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, orderBy, pageOffset } from '../../db/query-helpers.js';
import { agents, subcontractors, tenants } from '../../db/schema/index.js';

// Everything about an agent except its password hash, of which only the existence is read.
const agentColumns = {
  id: agents.id,
  tenantId: agents.tenantId,
  identifier: agents.identifier,
  firstName: agents.firstName,
  lastName: agents.lastName,
  niss: agents.niss,
  limosaId: agents.limosaId,
  agentType: agents.agentType,
  employmentStatus: agents.employmentStatus,
  subcontractorId: agents.subcontractorId,
  subcontractorName: subcontractors.name,
  companyName: tenants.name,
  payrollNumber: agents.payrollNumber,
  language: agents.language,
  email: agents.email,
  phone: agents.phone,
  mobileAccess: agents.mobileAccess,
  mobileIdentifier: agents.mobileIdentifier,
  hasMobilePassword: sql<boolean>`(${agents.mobilePasswordHash} is not null)`.mapWith(Boolean),
  activeFrom: agents.activeFrom,
  activeUntil: agents.activeUntil,
  active: agents.active,
  createdAt: agents.createdAt,
  updatedAt: agents.updatedAt,
};

function selectAgents(db: Db) {
  return db
    .select(agentColumns)
    .from(agents)
    .innerJoin(tenants, eq(tenants.id, agents.tenantId))
    .leftJoin(subcontractors, eq(subcontractors.id, agents.subcontractorId));
}

export type AgentRow = NonNullable<Awaited<ReturnType<typeof findAgent>>>;

const sortColumns = {
  identifier: { column: agents.identifier, caseInsensitive: true },
  lastName: { column: agents.lastName, caseInsensitive: true },
  firstName: { column: agents.firstName, caseInsensitive: true },
  agentType: { column: agents.agentType, caseInsensitive: false },
  employmentStatus: { column: agents.employmentStatus, caseInsensitive: false },
  activeFrom: { column: agents.activeFrom, caseInsensitive: false },
  createdAt: { column: agents.createdAt, caseInsensitive: false },
} as const;

/**
 * One page of agents. `searchCredentials` lets `q` match the mobile identifier too: only for roles
 * that may see it, or a search would reveal it.
 */
export async function listAgents(
  db: Db,
  tenantId: string,
  query: AgentListQuery,
  options: { searchCredentials: boolean },
) {
  const conditions: SQL[] = [eq(agents.tenantId, tenantId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    const matches: SQL[] = [
      ilike(agents.identifier, pattern),
      ilike(agents.firstName, pattern),
      ilike(agents.lastName, pattern),
      ilike(sql`${agents.firstName} || ' ' || ${agents.lastName}`, pattern),
      ilike(sql`${agents.lastName} || ' ' || ${agents.firstName}`, pattern),
      ilike(agents.payrollNumber, pattern),
    ];
    if (options.searchCredentials) matches.push(ilike(agents.mobileIdentifier, pattern));
    conditions.push(or(...matches)!);
  }
  if (query.active !== undefined) conditions.push(eq(agents.active, query.active));
  if (query.mobileAccess !== undefined) conditions.push(eq(agents.mobileAccess, query.mobileAccess));
  if (query.agentType) conditions.push(eq(agents.agentType, query.agentType));
  if (query.employmentStatus) conditions.push(eq(agents.employmentStatus, query.employmentStatus));
  if (query.employer === 'own') conditions.push(isNull(agents.subcontractorId));
  else if (query.employer) conditions.push(eq(agents.subcontractorId, query.employer));
  const where = and(...conditions);
  const sort = sortColumns[query.sort];
  const rows = await selectAgents(db)
    .where(where)
    .orderBy(...orderBy(sort.column, query.order, agents.id, sort))
    .limit(query.pageSize)
    .offset(pageOffset(query.page, query.pageSize));
  const [total] = await db.select({ n: count() }).from(agents).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findAgent(db: Db, tenantId: string, agentId: string) {
  const [row] = await selectAgents(db)
    .where(and(eq(agents.tenantId, tenantId), eq(agents.id, agentId)))
    .limit(1);
  return row;
}

/** Identifiers are unique per company whatever their case. */
export async function identifierTaken(db: Db, tenantId: string, identifier: string, exceptAgentId?: string) {
  const conditions = [
    eq(agents.tenantId, tenantId),
    eq(sql`upper(${agents.identifier})`, identifier.toUpperCase()),
  ];
  if (exceptAgentId) conditions.push(ne(agents.id, exceptAgentId));
  const [row] = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(...conditions))
    .limit(1);
  return row !== undefined;
}

/** Mobile identifiers (the `X` of the app login `X@COMPANY`) are unique per company too. */
export async function mobileIdentifierTaken(
  db: Db,
  tenantId: string,
  mobileIdentifier: string,
  exceptAgentId?: string,
) {
  const conditions = [
    eq(agents.tenantId, tenantId),
    eq(sql`upper(${agents.mobileIdentifier})`, mobileIdentifier.toUpperCase()),
  ];
  if (exceptAgentId) conditions.push(ne(agents.id, exceptAgentId));
  const [row] = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(...conditions))
    .limit(1);
  return row !== undefined;
}

export type AgentValues = Omit<
  typeof agents.$inferInsert,
  'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'mobilePasswordChangedAt'
>;

// Rows per statement: about twenty columns each stays far below PostgreSQL's 65,535 parameters.
const AGENT_ROWS_PER_STATEMENT = 500;

/** Inserts agents in few statements (an import); answers their ids in the order given. */
export async function insertAgents(db: Db, tenantId: string, values: readonly AgentValues[], now: Date) {
  const idByIdentifier = new Map<string, string>();
  for (let start = 0; start < values.length; start += AGENT_ROWS_PER_STATEMENT) {
    const rows = await db
      .insert(agents)
      .values(
        values.slice(start, start + AGENT_ROWS_PER_STATEMENT).map((agent) => ({
          ...agent,
          tenantId,
          mobilePasswordChangedAt: agent.mobilePasswordHash ? now : null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: agents.id, identifier: agents.identifier });
    for (const row of rows) idByIdentifier.set(row.identifier.toUpperCase(), row.id);
  }
  // Matched by identifier (unique per company): RETURNING does not promise the order of VALUES.
  return values.map((agent) => {
    const id = idByIdentifier.get(agent.identifier.toUpperCase());
    if (!id) throw new Error('agent not inserted');
    return id;
  });
}

/** Several agents of the company by id, in no particular order. */
export async function findAgents(db: Db, tenantId: string, agentIds: readonly string[]) {
  if (agentIds.length === 0) return [];
  return selectAgents(db).where(and(eq(agents.tenantId, tenantId), inArray(agents.id, [...agentIds])));
}

export async function updateAgent(
  db: Db,
  tenantId: string,
  agentId: string,
  changes: Partial<AgentValues & { mobilePasswordChangedAt: Date }>,
  now: Date,
) {
  await db
    .update(agents)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(agents.tenantId, tenantId), eq(agents.id, agentId)));
}
