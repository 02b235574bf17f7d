import type { AnomalyType } from '@ciao/domain';
import { and, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, anomalies, sites, tenants } from '../../db/schema/index.js';

const unresolved = ['open', 'acknowledged'];
/** The site and agent rankings show the few that matter most, not the whole company. */
const RANKING_SIZE = 10;

/** The company's unresolved anomalies counted per type, and the sites and agents with the most. */
export async function countUnresolvedAnomalies(db: Db, tenantId: string) {
  const where = and(eq(anomalies.tenantId, tenantId), inArray(anomalies.status, unresolved));
  const n = count();
  const [byType, bySite, byAgent] = await Promise.all([
    db
      .select({ type: anomalies.type, n })
      .from(anomalies)
      .where(where)
      .groupBy(anomalies.type)
      .orderBy(desc(n), anomalies.type),
    db
      .select({ id: sites.id, name: sites.name, n })
      .from(anomalies)
      .innerJoin(sites, eq(sites.id, anomalies.siteId))
      .where(where)
      .groupBy(sites.id, sites.name)
      .orderBy(desc(n), sites.name)
      .limit(RANKING_SIZE),
    db
      .select({ id: agents.id, firstName: agents.firstName, lastName: agents.lastName, n })
      .from(anomalies)
      .innerJoin(agents, eq(agents.id, anomalies.agentId))
      .where(where)
      .groupBy(agents.id, agents.firstName, agents.lastName)
      .orderBy(desc(n), agents.lastName, agents.firstName)
      .limit(RANKING_SIZE),
  ]);
  return { byType: byType as { type: AnomalyType; n: number }[], bySite, byAgent };
}

/**
 * The anomalies opened in the period per ISO week and type. Weeks are those of the company's time
 * zone: an anomaly opened on Sunday 23:30 in Brussels belongs to that week, not to Monday's (UTC).
 */
export async function countAnomaliesPerWeek(db: Db, tenantId: string, from: Date, to: Date) {
  const week = sql<string>`to_char(${anomalies.openedAt} at time zone ${tenants.timeZone}, 'IYYY-"W"IW')`;
  const rows = await db
    .select({ week, type: anomalies.type, n: count() })
    .from(anomalies)
    .innerJoin(tenants, eq(tenants.id, anomalies.tenantId))
    .where(and(eq(anomalies.tenantId, tenantId), gte(anomalies.openedAt, from), lte(anomalies.openedAt, to)))
    .groupBy(week, anomalies.type)
    .orderBy(week, anomalies.type);
  return rows as { week: string; type: AnomalyType; n: number }[];
}
