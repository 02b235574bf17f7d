import { DomainError } from '@ciao/domain';

/**
 * How far back a sync's watermark is set from the moment its first page was read. A row is stamped
 * (`updated_at`, from the server's clock) before its transaction commits; a reader that runs in
 * between does not see it, and the row's stamp may already be older than everything that reader
 * returned. Handing back "first page time minus this window" rather than the newest stamp seen
 * makes the next sync read such rows again, provided the write committed within the window of its
 * stamp. ciao's writes commit in milliseconds (the ONSS worker stamps after ONSS answers), so five
 * minutes is a wide margin; the price is that each sync re-reads the last five minutes of changes,
 * which clients absorb by upserting on `id`.
 */
export const SYNC_OVERLAP_MS = 5 * 60_000;

/** Where a page ended, and the watermark fixed when the run began. */
export interface SyncCursor {
  /** Which list it belongs to: a cursor of another list is refused. */
  list: string;
  /** `updated_at` of the last row, in microseconds since the epoch (PostgreSQL's precision). */
  afterMicros: string;
  afterId: string;
  watermark: string;
  /** The `updated_since` of the run, which later pages keep. */
  since: string | null;
}

export function encodeCursor(cursor: SyncCursor): string {
  const { list, afterMicros, afterId, watermark, since } = cursor;
  return Buffer.from(JSON.stringify([1, list, afterMicros, afterId, watermark, since])).toString('base64url');
}

const invalid = () =>
  new DomainError('CURSOR_INVALID', 'This cursor is not one this list gave: start again without it.', {
    fieldErrors: [{ path: 'query.cursor', code: 'CURSOR_INVALID', message: 'is not a cursor of this list' }],
  });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a cursor back; anything tampered with, truncated or from another list is CURSOR_INVALID. */
export function decodeCursor(text: string, list: string): SyncCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 6 || parsed[0] !== 1) throw invalid();
  const [, cursorList, afterMicros, afterId, watermark, since] = parsed as unknown[];
  if (
    cursorList !== list ||
    typeof afterMicros !== 'string' ||
    !/^-?\d{1,20}$/.test(afterMicros) ||
    typeof afterId !== 'string' ||
    !uuidPattern.test(afterId) ||
    typeof watermark !== 'string' ||
    Number.isNaN(Date.parse(watermark)) ||
    (since !== null && (typeof since !== 'string' || Number.isNaN(Date.parse(since))))
  ) {
    throw invalid();
  }
  return { list, afterMicros, afterId, watermark, since: since as string | null };
}

/** The watermark of a run whose first page is read at `now`. */
export function watermarkAt(now: Date): string {
  return new Date(now.getTime() - SYNC_OVERLAP_MS).toISOString();
}
