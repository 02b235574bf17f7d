import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/query-helpers.js';

interface DepthRow {
  status: string;
  count: number | string;
  oldest_seconds: number | string | null;
}

const toDepth = (rows: DepthRow[]) =>
  rows.map((row) => ({
    status: row.status,
    count: Number(row.count),
    oldestSeconds: row.oldest_seconds === null ? 0 : Number(row.oldest_seconds),
  }));

/**
 * The outboxes' rows still to send, by outbox and status, with the age of the oldest (seconds since
 * it became due). Each reads only unsent rows, through the outbox's partial "due" index.
 */
export async function readOutboxDepths(db: Db) {
  const onss = await rowsOf<DepthRow>(
    db,
    sql`
    select status, count(*) as count,
           extract(epoch from now() - min(next_attempt_at)) as oldest_seconds
    from onss_registrations where status in ('to_send', 'send_failing', 'sending') group by status`,
  );
  const email = await rowsOf<DepthRow>(
    db,
    sql`
    select status, count(*) as count,
           extract(epoch from now() - min(next_attempt_at)) as oldest_seconds
    from email_outbox where status = 'pending' group by status`,
  );
  const webhooks = await rowsOf<DepthRow>(
    db,
    sql`
    select status, count(*) as count,
           extract(epoch from now() - min(next_attempt_at)) as oldest_seconds
    from webhook_deliveries where status = 'pending' group by status`,
  );
  return [
    ...toDepth(onss).map((row) => ({ outbox: 'onss', ...row })),
    ...toDepth(email).map((row) => ({ outbox: 'email', ...row })),
    ...toDepth(webhooks).map((row) => ({ outbox: 'webhooks', ...row })),
  ];
}

/** Unresolved anomalies (open or acknowledged) by type, over every company. */
export async function readOpenAnomalies(db: Db) {
  const rows = await rowsOf<{ type: string; count: number | string }>(
    db,
    sql`select type, count(*) as count from anomalies where status <> 'resolved' group by type`,
  );
  return rows.map((row) => ({ type: row.type, count: Number(row.count) }));
}
