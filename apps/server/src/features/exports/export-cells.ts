import { decimalHours, DomainError, localDate, localTime, type FieldError } from '@ciao/domain';
import type { z } from 'zod';
import type { KeysetCursor } from './export-repository.js';

/**
 * Rows per keyset page: big enough for few round trips, small enough to keep memory flat. 2,000
 * let the server peak at 420–460 MiB on an XLSX of 250,000 rows, 1,000 at about 320 MiB, no slower.
 */
export const EXPORT_PAGE_ROWS = 1_000;

// The zone's offset per hour of time: formatting a date through Intl costs microseconds, and an
// export formats hundreds of thousands of them, nearly all in a few hundred distinct hours.
const hourOffsets = new Map<string, number>();

function offsetMsOfHour(hour: number, timeZone: string): number {
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const start = new Date(hour * 3_600_000);
    const [date, time] = [localDate(start, timeZone), localTime(start, timeZone)];
    offset = Date.parse(`${date}T${time}:00Z`) - start.getTime();
    if (hourOffsets.size > 100_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset;
}

/**
 * An instant as local date and time `YYYY-MM-DD HH:MM` (Europe/Brussels for Belgian companies).
 * The offset is taken at the start of the instant's hour: zones change offset on the hour (the
 * few that change on the half hour would be half an hour off for that half hour).
 */
export function localDateTime(instant: Date | null, timeZone: string): string | null {
  if (instant === null) return null;
  const time = instant.getTime();
  const local = new Date(time + offsetMsOfHour(Math.floor(time / 3_600_000), timeZone)).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
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
