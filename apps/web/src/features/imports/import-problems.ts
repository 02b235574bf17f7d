import { IMPORT_MAX_ROWS, importReport } from '@ciao/domain';
import type { ImportProblem, ImportReport } from '@ciao/domain';
import { ApiError } from '../../lib/api';

/**
 * The problem codes the screen explains in the user's language (docs/imports.md lists them); any
 * other code shows the server's English message rather than nothing.
 */
export const KNOWN_PROBLEM_CODES = [
  'REQUIRED',
  'INVALID_FORMAT',
  'INVALID_VALUE',
  'INVALID_TYPE',
  'TOO_BIG',
  'TOO_SMALL',
  'NISS_CHECK_DIGITS',
  'ENTERPRISE_NUMBER_CHECK_DIGITS',
  'VAT_NUMBER_FORMAT',
  'WORK_DECLARATION_NUMBER_FORMAT',
  'COORDINATES_INCOMPLETE',
  'DATE_RANGE',
  'RESTRICTED_AGENT_TYPE',
  'FORBIDDEN',
  'INVALID_BOOLEAN',
  'INVALID_DATE',
  'INVALID_NUMBER',
  'DUPLICATE_IN_FILE',
  'DUPLICATE_IDENTIFIER',
  'DUPLICATE_NISS',
  'DUPLICATE_NAME',
  'DUPLICATE_REFERENCE',
  'SUBCONTRACTOR_NOT_FOUND',
  'SUBCONTRACTOR_AMBIGUOUS',
  'CLIENT_NOT_FOUND',
  'CLIENT_AMBIGUOUS',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'MISSING_COLUMN',
  'TOO_MANY_CELLS',
  'NO_ROWS',
] as const;

type KnownProblemCode = (typeof KNOWN_PROBLEM_CODES)[number];

const known = new Set<string>(KNOWN_PROBLEM_CODES);
const isKnown = (code: string): code is KnownProblemCode => known.has(code);

/** A problem's reason: a translation key with its values, or the server's message as it is. */
export type ProblemText =
  | { key: `imports.problems.${KnownProblemCode | 'DUPLICATE_IN_FILE_LINE'}`; values: Record<string, number> }
  | { key: undefined; message: string };

/**
 * The reason of one problem, in words the screen translates. The earlier line of a duplicate is
 * only in the server's message ("…already on line 4…"): it is read from there so that the
 * translated sentence still says where the first one is.
 * Example: `problemText({ line: 9, field: 'name', code: 'DUPLICATE_IN_FILE', message: 'the same name is already on line 4 of the file' })`
 * -> `{ key: 'imports.problems.DUPLICATE_IN_FILE_LINE', values: { earlier: 4 } }`.
 */
export function problemText(problem: ImportProblem): ProblemText {
  if (!isKnown(problem.code)) return { key: undefined, message: problem.message };
  if (problem.code === 'DUPLICATE_IN_FILE') {
    const earlier = /\bline (\d+)/.exec(problem.message)?.[1];
    if (earlier)
      return { key: 'imports.problems.DUPLICATE_IN_FILE_LINE', values: { earlier: Number(earlier) } };
  }
  return { key: `imports.problems.${problem.code}`, values: {} };
}

/** How many problems the table shows; the rest is counted ("and 57 more"). */
export const PROBLEMS_SHOWN = 200;

/** Why a whole file was refused, or the report of an apply refused because of its lines. */
export type ImportFailure =
  | { kind: 'report'; report: ImportReport }
  | { kind: 'malformed'; line: number | undefined }
  | { kind: 'tooManyRows'; rowCount: number | undefined; maxRows: number }
  | { kind: 'tooLarge' }
  | { kind: 'forbidden' }
  | { kind: 'other'; error: unknown };

/**
 * What a failed import call means for the user: a 422 `IMPORT_INVALID` carries the same report as
 * a dry run (shown again), the refusals of the whole file are explained in words.
 */
export function importFailure(error: unknown): ImportFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', error };
  const body = (typeof error.body === 'object' && error.body !== null ? error.body : {}) as Record<
    string,
    unknown
  >;
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  switch (error.code) {
    case 'IMPORT_INVALID': {
      const report = importReport.safeParse(body);
      return report.success ? { kind: 'report', report: report.data } : { kind: 'other', error };
    }
    case 'CSV_MALFORMED':
      return { kind: 'malformed', line: number(body.line) };
    case 'IMPORT_TOO_MANY_ROWS':
      return {
        kind: 'tooManyRows',
        rowCount: number(body.rowCount),
        maxRows: number(body.maxRows) ?? IMPORT_MAX_ROWS,
      };
    case 'BODY_TOO_LARGE':
      return { kind: 'tooLarge' };
    case 'FORBIDDEN':
      return { kind: 'forbidden' };
    default:
      return error.status === 413 ? { kind: 'tooLarge' } : { kind: 'other', error };
  }
}
