import { decimalHours, DomainError, localDate, localTime, type FieldError } from '@ciao/domain';
import type { z } from 'zod';
import type { KeysetCursor } from './export-repository.js';

/** Rows per keyset page: big enough for few round trips, small enough to keep memory flat. */
export const EXPORT_PAGE_ROWS = 2_000;

/** An instant as local date and time `YYYY-MM-DD HH:MM` (Europe/Brussels for Belgian companies). */
export function localDateTime(instant: Date | null, timeZone: string): string | null {
  return instant === null ? null : `${localDate(instant, timeZone)} ${localTime(instant, timeZone)}`;
}

/** Seconds as decimal hours, what a spreadsheet sums (7 h 45 → 7.75). */
export const hours = (seconds: number) => decimalHours(seconds);

/**
 * Reads the rows a keyset page at a time: each page starts after the last row of the one before,
 * so the database never sorts more than a page and the server never holds more than one.
 */
export async function* keysetPages<Row extends { cursorAt: string }>(
  fetchPage: (cursor: KeysetCursor | null, limit: number) => Promise<Row[]>,
  idOf: (row: Row) => string,
  toCells: (row: Row) => (string | number | null)[],
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<(string | number | null)[][]> {
  let cursor: KeysetCursor | null = null;
  for (;;) {
    const rows = await fetchPage(cursor, pageRows);
    if (rows.length > 0) yield rows.map(toCells);
    if (rows.length < pageRows) return;
    const last = rows.at(-1)!;
    cursor = { at: last.cursorAt, id: idOf(last) };
  }
}

/** Checks a background job's saved filters against the list's query schema. */
export function parseFilters<Schema extends z.ZodType>(schema: Schema, filters: unknown): z.output<Schema> {
  const parsed = schema.safeParse(filters);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldError[] = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    code: issue.code.toUpperCase(),
    message: issue.message,
  }));
  throw new DomainError('VALIDATION_FAILED', 'The export filters are not valid', { fieldErrors });
}
