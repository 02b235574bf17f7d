import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** `text` with the `LIKE` wildcards `%`, `_` and the escape `\` taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A `LIKE` pattern matching `text` anywhere. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * A `uuid[]` parameter, sent as one array literal (both drivers take it). PostgreSQL estimates an
 * `unnest` of it by its real length when planning, where a jsonb_to_recordset is guessed at 100
 * rows: the guess that made it scan whole tables to join a handful of rows.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * A `text[]` array literal, for a statement's `$1::text[]` (a placeholder of a prepared statement):
 * one parameter whatever the number of values, where `inArray` makes one statement text per count.
 */
export function textArrayLiteral(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`);
  return `{${quoted.join(',')}}`;
}

/** Rows to skip for a 1-based page. */
export function pageOffset(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

/**
 * An ORDER BY on one column, case-insensitive for text, then on the id so that pages never
 * overlap or skip rows when sort values tie.
 */
export function orderBy(
  column: AnyColumn | SQL,
  order: 'asc' | 'desc',
  id: AnyColumn,
  options: { caseInsensitive?: boolean } = {},
): SQL[] {
  const key = options.caseInsensitive ? sql`lower(${column})` : column;
  const direction = order === 'desc' ? desc : asc;
  return [direction(key), direction(id)];
}

/**
 * Whether a database error is a unique-constraint violation (on `constraint` when given). Drizzle
 * wraps the driver's error, so the cause chain is searched; PGlite and node-postgres both carry the
 * SQLSTATE `code` and the `constraint` name.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error, depth = 0; current && depth < 4; current = (current as Error).cause, depth += 1) {
    const { code, constraint: name } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === undefined || name === constraint;
  }
  return false;
}

/** The rows of a raw statement (both drivers answer raw queries with `rows`). */
export async function rowsOf<Row>(db: Db, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}
