import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emailOutbox, licences, tenants, webUsers } from '../../db/schema/index.js';

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
  openLicenceRequests: number;
}

/**
 * Every tenant with its usage, in one query: active agents, activated devices, ONSS registrations
 * since the first of the month (Brussels time), the share of them ONSS refused or that gave up, and
 * the licence requests waiting for an answer.
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
    open_requests: number | string;
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
      (select count(*) from licence_requests q where q.tenant_id = t.id and q.status = 'open') as open_requests,
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
      openLicenceRequests: Number(row.open_requests ?? 0),
    };
  });
}

/** Replaces a licence's code (its hash and hint): the old code activates nothing any more. */
export async function replaceLicenceCode(
  db: Db,
  tenantId: string,
  licenceId: string,
  values: { codeHash: string; codeHint: string; now: Date },
) {
  await db
    .update(licences)
    .set({ codeHash: values.codeHash, codeHint: values.codeHint, updatedAt: values.now })
    .where(and(eq(licences.tenantId, tenantId), eq(licences.id, licenceId)));
}

/** A company's licences that an operator names by id or by the code's last characters. */
export async function findLicencesByIdOrHint(db: Db, tenantId: string, reference: string) {
  const trimmed = reference.trim();
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed);
  return db
    .select({ id: licences.id, codeHint: licences.codeHint, revokedAt: licences.revokedAt })
    .from(licences)
    .where(
      and(
        eq(licences.tenantId, tenantId),
        isUuid ? eq(licences.id, trimmed) : eq(licences.codeHint, trimmed.toUpperCase()),
      ),
    );
}

/** The company's active administrators with an e-mail address: whom platform news is sent to. */
export async function findTenantAdminRecipients(db: Db, tenantId: string) {
  return db
    .select({
      id: webUsers.id,
      displayName: webUsers.displayName,
      email: webUsers.email,
      language: webUsers.language,
    })
    .from(webUsers)
    .where(
      and(
        eq(webUsers.tenantId, tenantId),
        eq(webUsers.role, 'ADMIN'),
        eq(webUsers.active, true),
        isNotNull(webUsers.email),
      ),
    )
    .orderBy(webUsers.login);
}

/** One page of the e-mail outbox, newest first, with each message's company code. */
export async function listOutboxEmails(db: Db, page: number, pageSize: number) {
  const rows = await db
    .select({ email: emailOutbox, tenantCode: tenants.code })
    .from(emailOutbox)
    .leftJoin(tenants, eq(tenants.id, emailOutbox.tenantId))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(emailOutbox);
  return { rows, total: total?.n ?? 0 };
}
