import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exportJobs, webUsers } from '../../db/schema/index.js';

export type ExportJobRow = typeof exportJobs.$inferSelect;

export async function insertExportJob(db: Db, job: typeof exportJobs.$inferInsert): Promise<ExportJobRow> {
  const [row] = await db.insert(exportJobs).values(job).returning();
  return row!;
}

/** One page of a user's export jobs in the company, newest first. */
export async function listExportJobs(
  db: Db,
  tenantId: string,
  userId: string,
  page: { limit: number; offset: number },
) {
  const where = and(eq(exportJobs.tenantId, tenantId), eq(exportJobs.userId, userId));
  const rows = await db
    .select()
    .from(exportJobs)
    .where(where)
    .orderBy(desc(exportJobs.createdAt), desc(exportJobs.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(exportJobs).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findExportJob(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.tenantId, tenantId), eq(exportJobs.id, id)))
    .limit(1);
  return row;
}

/**
 * Claims the oldest queued job (or a running one whose worker stopped renewing its claim) for this
 * worker; `FOR UPDATE SKIP LOCKED` lets several server processes share the queue.
 */
export async function claimExportJob(db: Db, now: Date, claimUntil: Date): Promise<ExportJobRow | undefined> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: exportJobs.id })
      .from(exportJobs)
      .where(
        or(
          eq(exportJobs.status, 'queued'),
          and(eq(exportJobs.status, 'running'), lt(exportJobs.claimedUntil, now)),
        ),
      )
      .orderBy(exportJobs.createdAt)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return undefined;
    const [claimed] = await tx
      .update(exportJobs)
      .set({
        status: 'running',
        claimedUntil: claimUntil,
        rowsDone: 0,
        startedAt: sql`coalesce(${exportJobs.startedAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(exportJobs.id, due.id))
      .returning();
    return claimed;
  });
}

export async function updateExportJob(db: Db, id: string, changes: Partial<typeof exportJobs.$inferInsert>) {
  await db.update(exportJobs).set(changes).where(eq(exportJobs.id, id));
}

/** The role of the job's requester now: a job runs with the rights its user has when it runs. */
export async function requesterRole(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select({ role: webUsers.role, active: webUsers.active })
    .from(webUsers)
    .where(and(eq(webUsers.tenantId, tenantId), eq(webUsers.id, userId)))
    .limit(1);
  return row;
}

/** Jobs past their expiry that still have a file, or never finished: the cleanup's work. */
export async function findExpiredExportJobs(db: Db, now: Date, limit = 100) {
  return db
    .select()
    .from(exportJobs)
    .where(
      and(inArray(exportJobs.status, ['done', 'failed', 'queued', 'running']), lt(exportJobs.expiresAt, now)),
    )
    .limit(limit);
}
