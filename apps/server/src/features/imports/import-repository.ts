import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, clients, sites, subcontractors } from '../../db/schema/index.js';

/** The company's agents that already hold one of these identifiers, mobile identifiers or NISS. */
export async function agentsHolding(
  db: Db,
  tenantId: string,
  keys: { identifiers: string[]; mobileIdentifiers: string[]; nisses: string[] },
) {
  const matches: SQL[] = [];
  if (keys.identifiers.length > 0) matches.push(inArray(sql`upper(${agents.identifier})`, keys.identifiers));
  if (keys.mobileIdentifiers.length > 0)
    matches.push(inArray(sql`upper(${agents.mobileIdentifier})`, keys.mobileIdentifiers));
  if (keys.nisses.length > 0) matches.push(inArray(agents.niss, keys.nisses));
  if (matches.length === 0) return [];
  return db
    .select({ identifier: agents.identifier, mobileIdentifier: agents.mobileIdentifier, niss: agents.niss })
    .from(agents)
    .where(and(eq(agents.tenantId, tenantId), or(...matches)));
}

/** Every subcontractor of the company: an agent line names its employer by name or number. */
export async function companySubcontractors(db: Db, tenantId: string) {
  return db
    .select({
      id: subcontractors.id,
      name: subcontractors.name,
      enterpriseNumber: subcontractors.enterpriseNumber,
    })
    .from(subcontractors)
    .where(eq(subcontractors.tenantId, tenantId));
}

/** The company's clients with one of these names or references (lower case). */
export async function clientsNamedOrReferenced(
  db: Db,
  tenantId: string,
  lowerNames: string[],
  lowerReferences: string[],
) {
  const matches: SQL[] = [];
  if (lowerNames.length > 0) matches.push(inArray(sql`lower(${clients.name})`, lowerNames));
  if (lowerReferences.length > 0) matches.push(inArray(sql`lower(${clients.reference})`, lowerReferences));
  if (matches.length === 0) return [];
  return db
    .select({ name: clients.name, reference: clients.reference })
    .from(clients)
    .where(and(eq(clients.tenantId, tenantId), or(...matches)));
}

/** Every client of the company: a site line names its client by reference or name. */
export async function companyClients(db: Db, tenantId: string) {
  return db
    .select({ id: clients.id, name: clients.name, reference: clients.reference })
    .from(clients)
    .where(eq(clients.tenantId, tenantId));
}

/** The company's sites with one of these names (lower case), to find a site created twice. */
export async function sitesNamed(db: Db, tenantId: string, lowerNames: string[]) {
  if (lowerNames.length === 0) return [];
  return db
    .select({ clientId: sites.clientId, name: sites.name })
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), inArray(sql`lower(${sites.name})`, lowerNames)));
}
