import {
  DomainError,
  importColumns,
  type ImportKind,
  type ImportMode,
  type ImportProblem,
  type ImportReport,
} from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { identifierConflict } from '../agents/agent-validation.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { agentImport } from './agent-import.js';
import { clientImport } from './client-import.js';
import { readCsv, type CsvTable } from './csv-reader.js';
import type { ImportHandler, ImportRow } from './import-rows.js';
import { sortProblems } from './import-rows.js';
import { siteImport } from './site-import.js';

const handlers: Record<ImportKind, ImportHandler<unknown>> = {
  agents: agentImport as ImportHandler<unknown>,
  clients: clientImport as ImportHandler<unknown>,
  sites: siteImport as ImportHandler<unknown>,
};

/**
 * Imports a CSV file of agents, clients or sites. A dry run checks every line and writes nothing;
 * an apply checks again and, only when no line has a problem, creates every line in one
 * transaction (one audit row per created object, and one for the import), else refuses the whole
 * file (422 `IMPORT_INVALID`, with the same report).
 */
export async function runImport(
  ctx: AppContext,
  caller: Caller,
  kind: ImportKind,
  mode: ImportMode,
  text: string,
): Promise<ImportReport> {
  const table = readCsv(text);
  const now = ctx.now();
  const report = (problems: ImportProblem[], created: number): ImportReport => ({
    kind,
    mode,
    delimiter: table.delimiter,
    rowCount: table.rows.length,
    valid: problems.length === 0,
    created,
    problems: sortProblems(
      problems,
      importColumns[kind].map((column) => column.name),
    ),
  });
  const refuse = (problems: ImportProblem[]) =>
    new DomainError(
      'IMPORT_INVALID',
      `The file has ${problems.length} problem(s): nothing was imported. Fix the lines listed and send it again.`,
      { details: report(problems, 0) },
    );

  const { rows, problems: fileProblems, lineProblems } = rowsOf(kind, table);
  if (fileProblems.length > 0) {
    if (mode === 'apply') throw refuse(fileProblems);
    return report(fileProblems, 0);
  }
  const handler = handlers[kind];
  if (mode === 'dry-run')
    return report([...lineProblems, ...(await handler.check(ctx.db, caller, rows, now)).problems], 0);

  try {
    return await ctx.db.transaction(async (tx) => {
      // Checked again inside the transaction that writes, against what the database holds now.
      const { problems, checked } = await handler.check(tx, caller, rows, now);
      if (lineProblems.length + problems.length > 0) throw refuse([...lineProblems, ...problems]);
      const created = await handler.write(tx, caller, checked, now);
      await recordCallerAudit(tx, caller, {
        action: 'import.applied',
        entityType: 'import',
        after: { kind, rowCount: rows.length, created },
      });
      return report([], created);
    });
  } catch (error) {
    // Two imports at once may both pass their checks: the unique index answers like the checks do.
    throw identifierConflict(error) ?? error;
  }
}

/**
 * The header against the kind's columns (any case; unknown, missing required or repeated columns
 * named), then each line's cells by column name. A header problem stops there: the lines cannot be
 * read without knowing their columns.
 */
function rowsOf(
  kind: ImportKind,
  table: CsvTable,
): { rows: ImportRow[]; problems: ImportProblem[]; lineProblems: ImportProblem[] } {
  const columns = importColumns[kind];
  const byLowerName = new Map(columns.map((column) => [column.name.toLowerCase(), column.name]));
  const expected = columns.map((column) => column.name).join(', ');
  const problems: ImportProblem[] = [];
  const names: (string | undefined)[] = [];
  const seen = new Set<string>();
  table.header.forEach((raw, index) => {
    const name = byLowerName.get(raw.toLowerCase());
    if (raw === '' && table.rows.every((row) => (row.cells[index] ?? '').trim() === '')) {
      names.push(undefined); // an empty trailing column, as some spreadsheets save
      return;
    }
    if (!name)
      problems.push({
        line: 1,
        field: raw || `column ${index + 1}`,
        code: 'UNKNOWN_COLUMN',
        message: `is not a column of the ${kind} import; the columns are: ${expected}`,
      });
    else if (seen.has(name))
      problems.push({
        line: 1,
        field: name,
        code: 'DUPLICATE_COLUMN',
        message: 'appears twice in the header',
      });
    seen.add(name ?? '');
    names.push(name);
  });
  for (const column of columns)
    if (column.required && !seen.has(column.name))
      problems.push({ line: 1, field: column.name, code: 'MISSING_COLUMN', message: 'is a required column' });
  if (problems.length > 0) return { rows: [], problems, lineProblems: [] };
  if (table.rows.length === 0)
    return {
      rows: [],
      problems: [
        { line: 2, field: null, code: 'NO_ROWS', message: 'the file has no lines under its header' },
      ],
      lineProblems: [],
    };

  // A line with more cells than the header is shifted (a delimiter too many): its cells cannot be
  // trusted to be in their columns, so it is reported alone and not checked further.
  const rows: ImportRow[] = [];
  const lineProblems: ImportProblem[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.slice(names.length).some((cell) => cell.trim() !== '')) {
      lineProblems.push({
        line,
        field: null,
        code: 'TOO_MANY_CELLS',
        message: `has ${cells.length} cells but the header has ${names.length} columns (a delimiter too many?)`,
      });
      continue;
    }
    const byName: Record<string, string> = {};
    cells.forEach((cell, index) => {
      const name = names[index];
      if (name) byName[name] = cell;
    });
    rows.push({ line, cells: byName });
  }
  return { rows, problems: [], lineProblems };
}
