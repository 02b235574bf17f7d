import { DomainError, IMPORT_MAX_ROWS } from '@ciao/domain';
import { CsvError, parse } from 'csv-parse/sync';

export type Delimiter = ';' | ',';

export interface CsvRow {
  /** The spreadsheet's row number: the header is 1, a cell spanning several text lines is one row. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  rows: CsvRow[];
}

/**
 * The delimiter, from the header line: Belgian (and French, Dutch, German) Excel writes `;`, other
 * spreadsheets `,`. Quoted parts are skipped, so a `,` inside a quoted header does not count.
 */
export function detectDelimiter(text: string): Delimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/**
 * Reads a CSV file (RFC 4180: quoted fields with `""`, CRLF or LF, a UTF-8 byte-order mark) into a
 * header and rows. Blank lines are skipped but still counted, so that line numbers are the ones the
 * user sees in a spreadsheet. A malformed file (a quote never closed) is refused as a whole
 * (`CSV_MALFORMED`, 400): its lines cannot be told apart any more.
 */
export function readCsv(text: string): CsvTable {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (withoutBom.trim() === '')
    throw new DomainError('CSV_MALFORMED', 'The file is empty: it needs a header line and data lines.', {
      details: { line: 1 },
    });
  const delimiter = detectDelimiter(withoutBom);
  let records: string[][];
  try {
    records = parse(withoutBom, {
      delimiter,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (5" screen) is kept as written, as Excel does.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : null;
      const what =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted cell is never closed (a " is missing)'
          : 'a quote is misplaced (a quoted cell must end with " right before the delimiter or the end of the line)';
      throw new DomainError(
        'CSV_MALFORMED',
        `The file is not valid CSV: ${what}${line ? `, text line ${line}` : ''}. Save it again as CSV from the spreadsheet.`,
        { details: { line, csvCode: error.code } },
      );
    }
    throw error;
  }
  const [header = [], ...data] = records;
  const rows: CsvRow[] = [];
  data.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push({ line: index + 2, cells });
  });
  if (rows.length > IMPORT_MAX_ROWS)
    throw new DomainError(
      'IMPORT_TOO_MANY_ROWS',
      `The file has ${rows.length} lines; at most ${IMPORT_MAX_ROWS} can be imported at once: split it.`,
      { details: { rowCount: rows.length, maxRows: IMPORT_MAX_ROWS } },
    );
  return { delimiter, header: header.map((name) => name.trim()), rows };
}
