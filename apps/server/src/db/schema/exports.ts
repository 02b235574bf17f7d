import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns.js';
import { webUsers } from './identity.js';
import { tenants } from './tenants.js';

/**
 * Background exports: what a user asked for (kind, format, the screen's filters), how far the
 * worker got, and the file it wrote under the data directory (`exports/<tenant>/<id>.<format>`)
 * until it expires.
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => webUsers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    format: text('format').notNull(),
    filters: jsonb('filters').$type<Record<string, string>>().notNull().default({}),
    /** queued, running, done, failed, expired. */
    status: text('status').notNull().default('queued'),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsTotal: integer('rows_total'),
    fileName: text('file_name'),
    /** Relative to the exports directory: `<tenant>/<id>.<format>`. */
    filePath: text('file_path'),
    sizeBytes: integer('size_bytes'),
    error: text('error'),
    /** A worker holds the job until then; past it, another may take it over (a crashed process). */
    claimedUntil: instant('claimed_until'),
    createdAt: createdAt(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    index('export_jobs_tenant_user_idx').on(t.tenantId, t.userId, t.createdAt),
    index('export_jobs_status_idx').on(t.status, t.createdAt),
  ],
);
