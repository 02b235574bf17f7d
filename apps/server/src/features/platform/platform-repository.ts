import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../db/schema/index.js';

export type TenantRow = typeof tenants.$inferSelect;

export async function insertTenant(
  db: Db,
  values: { code: string; name: string; enterpriseNumber: string | null; defaultLanguage: string; now: Date },
): Promise<TenantRow> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(tenants)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new Error('tenant not inserted');
  return row;
}

export async function setTenantStatus(db: Db, tenantId: string, status: 'active' | 'suspended', now: Date) {
  await db.update(tenants).set({ status, updatedAt: now }).where(eq(tenants.id, tenantId));
}

export interface TenantUsage {
  id: string;
  code: string;
  name: string;
  status: string;
  createdAt: Date;
  activeAgents: number;
  activeDevices: number;
  registrationsThisMonth: number;
  /** Refused or given-up registrations among those ONSS answered this month; null when none. */
  onssErrorRate: number | null;
}

/**
 * Every tenant with its usage, in one query: active agents, activated devices, ONSS registrations
 * since the first of the month (Brussels time) and the share of them ONSS refused or that gave up.
 */
export async function listTenantUsage(db: Db, now: Date): Promise<TenantUsage[]> {
  interface UsageRow {
    id: string;
    code: string;
    name: string;
    status: string;
    created_at: Date | string;
    active_agents: number | string;
    active_devices: number | string;
    registrations: number | string;
    answered: number | string;
    errors: number | string;
  }
  // Both drivers answer raw queries with `rows`.
  const result = (await db.execute(sql`
    with month as (
      select (date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'Europe/Brussels')
              at time zone 'Europe/Brussels') as start
    )
    select t.id, t.code, t.name, t.status, t.created_at,
      (select count(*) from agents a where a.tenant_id = t.id and a.active) as active_agents,
      (select count(*) from devices d where d.tenant_id = t.id and d.revoked_at is null) as active_devices,
      r.registrations, r.answered, r.errors
    from tenants t
    cross join month
    left join lateral (
      select
        count(*) filter (where o.status not in ('not_applicable', 'cancelled')) as registrations,
        count(*) filter (where o.status in ('registered', 'validated', 'refused', 'needs_attention')) as answered,
        count(*) filter (where o.status in ('refused', 'needs_attention')) as errors
      from onss_registrations o
      where o.tenant_id = t.id and o.registration_time >= month.start
    ) r on true
    order by upper(t.code)
  `)) as unknown as { rows: UsageRow[] };
  return result.rows.map((row) => {
    const answered = Number(row.answered ?? 0);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      status: row.status,
      createdAt: new Date(row.created_at),
      activeAgents: Number(row.active_agents),
      activeDevices: Number(row.active_devices),
      registrationsThisMonth: Number(row.registrations ?? 0),
      onssErrorRate: answered === 0 ? null : Number(row.errors ?? 0) / answered,
    };
  });
}
