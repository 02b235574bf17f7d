import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { removeExportFile } from '../exports/export-storage.js';
import { retentionCutoffs, type RetentionCutoffs, type RetentionPolicy } from './retention-cutoffs.js';
import {
  anonymisePositions,
  countExpiredRegistrations,
  countFinishedExportJobs,
  countPositionsToAnonymise,
  countRegistrationsAwaitingOnss,
  countWhere,
  deleteAuditBatch,
  deleteBatch,
  deleteEmptyCorrectionRequests,
  deleteExpiredLooseAnomalies,
  deleteExpiredRegistrations,
  deleteExportJobs,
  finishedExportJobs,
  tenantIds,
  type RegistrationCounts,
} from './retention-repository.js';

/** What the retention job needs: the database, the clock and where export files live. */
export interface RetentionContext {
  db: Db;
  now: () => Date;
  exportsDir: string;
}

/** The rows each category lost (or would lose, in a dry run), in the order the job handles them. */
export const retentionCategories = [
  'positionsAnonymised',
  'workSessions',
  'clockEvents',
  'onssRegistrations',
  'workSessionCorrections',
  'anomalies',
  'correctionRequests',
  'auditEntries',
  'webhookDeliveries',
  'emails',
  'notificationsSent',
  'exportJobs',
  'webSessions',
  'operatorSessions',
  'passwordLinks',
  'agentTokens',
  'idempotencyKeys',
  'loginThrottles',
] as const;

export type RetentionCategory = (typeof retentionCategories)[number];

export interface RetentionReport {
  dryRun: boolean;
  cutoffs: RetentionCutoffs;
  counts: Record<RetentionCategory, number>;
  /** Work sessions past their period kept because ONSS has not settled a registration of theirs. */
  keptAwaitingOnss: number;
}

/** Raised between two batches when the process is stopping: what is done stays done. */
export class RetentionStopped extends Error {}

/**
 * One retention pass (docs/operations.md, "Retention"): anonymises old positions, deletes
 * registrations and work sessions past their legal period with everything referencing them (never
 * one ONSS has not settled), and purges the audit trail, deliveries, notifications, exports and
 * dead credentials past theirs. In bounded batches; `dryRun` counts the same rows and changes
 * nothing. Returns counts only: nothing here names a person.
 */
export async function runRetention(
  ctx: RetentionContext,
  policy: RetentionPolicy,
  options: { dryRun: boolean; shouldStop?: () => boolean },
): Promise<RetentionReport> {
  const { db } = ctx;
  const now = ctx.now();
  const cutoffs = retentionCutoffs(now, policy);
  const limit = policy.batchSize;
  const { dryRun, shouldStop = () => false } = options;
  /** Repeats a batch until it touches fewer rows than the batch size; returns the total. */
  const untilDone = async (limit: number, batch: () => Promise<number>): Promise<number> => {
    let total = 0;
    for (;;) {
      if (shouldStop()) throw new RetentionStopped('The retention pass was stopped between two batches.');
      const done = await batch();
      total += done;
      if (done < limit) return total;
    }
  };
  const counts = Object.fromEntries(retentionCategories.map((category) => [category, 0])) as Record<
    RetentionCategory,
    number
  >;
  let keptAwaitingOnss = 0;

  /** Counts (dry run) or deletes in batches the rows of `table` matching `where`. */
  const purge = async (category: RetentionCategory, table: Parameters<typeof deleteBatch>[1], where: SQL) => {
    counts[category] += dryRun
      ? await countWhere(db, table, where)
      : await untilDone(limit, () => deleteBatch(db, table, where, limit));
  };
  const addRegistrations = (found: RegistrationCounts) => {
    counts.workSessions += found.workSessions;
    counts.clockEvents += found.clockEvents;
    counts.onssRegistrations += found.onssRegistrations;
    counts.workSessionCorrections += found.corrections;
    counts.anomalies += found.anomalies;
  };

  for (const tenantId of await tenantIds(db)) {
    // Positions first: what is deleted below needs no anonymising, but the count stays honest.
    counts.positionsAnonymised += dryRun
      ? await countPositionsToAnonymise(db, tenantId, cutoffs.positions.instant)
      : await untilDone(limit, () => anonymisePositions(db, tenantId, cutoffs.positions.instant, now, limit));

    const { date: registrationDate, instant: registrationInstant } = cutoffs.registrations;
    keptAwaitingOnss += await countRegistrationsAwaitingOnss(db, tenantId, registrationDate);
    if (dryRun) {
      addRegistrations(await countExpiredRegistrations(db, tenantId, registrationDate, registrationInstant));
      counts.correctionRequests += await countWhere(
        db,
        'correction_requests',
        sql`tenant_id = ${tenantId} and created_at < ${registrationInstant}`,
      );
    } else {
      for (;;) {
        if (shouldStop()) throw new RetentionStopped('The retention pass was stopped between two batches.');
        const gone = await deleteExpiredRegistrations(db, tenantId, registrationDate, limit);
        addRegistrations(gone);
        if (gone.workSessions < limit) break;
      }
      counts.anomalies += await untilDone(limit, () =>
        deleteExpiredLooseAnomalies(db, tenantId, registrationInstant, limit),
      );
      counts.correctionRequests += await untilDone(limit, () =>
        deleteEmptyCorrectionRequests(db, tenantId, registrationInstant, limit),
      );
    }

    const auditWhere = sql`tenant_id = ${tenantId} and at < ${cutoffs.audit.instant}`;
    counts.auditEntries += dryRun
      ? await countWhere(db, 'audit_log', auditWhere)
      : await untilDone(limit, () => deleteAuditBatch(db, auditWhere, limit));

    await purge(
      'webhookDeliveries',
      'webhook_deliveries',
      sql`tenant_id = ${tenantId} and status in ('delivered', 'failed') and created_at < ${cutoffs.deliveries.instant}`,
    );
    await purge(
      'notificationsSent',
      'notifications_sent',
      sql`tenant_id = ${tenantId} and created_at < ${cutoffs.notifications.instant}`,
    );
  }

  // Platform-level rows (operators' actions) have no tenant.
  const platformAuditWhere = sql`tenant_id is null and at < ${cutoffs.audit.instant}`;
  counts.auditEntries += dryRun
    ? await countWhere(db, 'audit_log', platformAuditWhere)
    : await untilDone(limit, () => deleteAuditBatch(db, platformAuditWhere, limit));

  // An e-mail still pending is never purged: only sent, logged (no SMTP) or given up.
  await purge(
    'emails',
    'email_outbox',
    sql`status in ('sent', 'logged', 'failed') and created_at < ${cutoffs.deliveries.instant}`,
  );

  const exportBefore = cutoffs.exportJobs.instant;
  if (dryRun) counts.exportJobs = await countFinishedExportJobs(db, exportBefore);
  else
    counts.exportJobs = await untilDone(limit, async () => {
      const jobs = await finishedExportJobs(db, exportBefore, limit);
      for (const job of jobs) await removeExportFile(ctx.exportsDir, job.file_path);
      return deleteExportJobs(
        db,
        jobs.map((job) => job.id),
      );
    });

  const dead = cutoffs.expiredAccess.instant;
  await purge('webSessions', 'web_sessions', sql`(expires_at < ${dead} or revoked_at < ${dead})`);
  await purge('operatorSessions', 'operator_sessions', sql`(expires_at < ${dead} or revoked_at < ${dead})`);
  await purge('passwordLinks', 'password_tokens', sql`(expires_at < ${dead} or used_at < ${dead})`);
  await purge('agentTokens', 'agent_tokens', sql`revoked_at < ${dead}`);
  await purge('idempotencyKeys', 'idempotency_keys', sql`created_at < ${dead}`);
  await purge(
    'loginThrottles',
    'auth_throttles',
    sql`updated_at < ${dead} and (locked_until is null or locked_until < ${now})`,
  );

  return { dryRun, cutoffs, counts, keptAwaitingOnss };
}
