import { DomainError, type ImportProblem } from '@ciao/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../http/caller.js';
import type { Cell } from './import-cells.js';

/** One data line of the file, its cells by column name (absent columns are empty strings). */
export interface ImportRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * One kind of import: checks every line (against the database and the rest of the file) and writes
 * the checked lines. `write` runs only when `check` found no problem, in the same transaction.
 */
export interface ImportHandler<Checked> {
  check(db: Db, caller: Caller, rows: readonly ImportRow[], now: Date): Promise<CheckResult<Checked>>;
  write(tx: Db, caller: Caller, checked: readonly Checked[], now: Date): Promise<number>;
}

export interface CheckResult<Checked> {
  problems: ImportProblem[];
  checked: Checked[];
}

/**
 * Collects one line's problems and its values, reading cells with the parsers of import-cells;
 * `field` maps an API path (`address.postCode`, `subcontractorId`) back to the column it came from.
 */
export class LineReader {
  readonly problems: ImportProblem[] = [];
  readonly values: Record<string, unknown> = {};

  constructor(
    readonly row: ImportRow,
    private readonly field: (path: string) => string = (path) => path,
  ) {}

  read<T>(column: string, parser: (raw: string) => Cell<T>, target: string = column): T | undefined {
    const cell = parser(this.row.cells[column] ?? '');
    if (!cell.ok) {
      this.add(column, cell.code, cell.message);
      return undefined;
    }
    if (cell.value !== undefined) setPath(this.values, target, cell.value);
    return cell.value;
  }

  add(field: string | null, code: string, message: string) {
    this.problems.push({ line: this.row.line, field, code, message });
  }

  /** The API schema's verdict on the line's values, its issues as problems of their columns. */
  parse<Schema extends z.ZodType>(schema: Schema): z.output<Schema> | undefined {
    const result = schema.safeParse(this.values);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      this.add(
        path ? this.field(path) : null,
        missing ? 'REQUIRED' : issue.code.toUpperCase(),
        missing ? 'is required' : issue.message,
      );
    }
    return undefined;
  }

  /** Runs one of the use-cases' checks, its field errors (or refusal) becoming the line's problems. */
  async check<T>(run: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.fieldErrors.length === 0) this.add(null, error.code, error.message);
      // A field the schema already refused is not reported twice.
      for (const fieldError of error.fieldErrors) {
        const field = this.field(fieldError.path);
        if (!this.problems.some((problem) => problem.field === field))
          this.add(field, fieldError.code, fieldError.message);
      }
      return undefined;
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split('.');
  if (!head) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest.join('.'), value);
}

/**
 * Values that must be unique: remembers the first line of each key and reports the later ones, so
 * that a file cannot create twice what the database would refuse once.
 */
export class FileKeys {
  private readonly first = new Map<string, number>();

  /** The earlier line with the same key, or undefined (and remembers this one). */
  seen(key: string, line: number): number | undefined {
    const earlier = this.first.get(key);
    if (earlier === undefined) this.first.set(key, line);
    return earlier;
  }
}

/** Lines in order, and each line's problems in the order of the columns (the whole line first). */
export function sortProblems(problems: ImportProblem[], columns: readonly string[]): ImportProblem[] {
  const rank = (field: string | null) => (field === null ? -1 : columns.indexOf(field));
  return [...problems].sort((a, b) => a.line - b.line || rank(a.field) - rank(b.field));
}
