/**
 * The CSV dialect of ciao's exports, chosen for the Belgian users who open them in Excel: `;` as
 * separator (Excel in fr-BE, nl-BE and de-BE reads `;`, and decimal commas need it), a UTF-8 byte
 * order mark (without it Excel reads the file as Windows-1252 and mangles é, ë, ü), CRLF line ends
 * and RFC 4180 quoting.
 */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

/** A cell of an exported table: text, a number, or nothing. */
export type ExportCell = string | number | null;

/**
 * One CSV field. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return) gets a leading apostrophe (OWASP's "CSV injection" advice); numbers are
 * written as they are, with the decimal separator asked.
 *
 * @example
 * csvField('=HYPERLINK("x")'); // `"'=HYPERLINK(""x"")"`
 * csvField(7.5, ','); // '7,5'
 */
export function csvField(value: ExportCell, decimalSeparator: '.' | ',' = '.'): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return decimalSeparator === ',' ? text.replace('.', ',') : text;
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";,\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One CSV line, CRLF-terminated.
 *
 * @example
 * csvLine(['Dupont; Marie', 7.25], ','); // '"Dupont; Marie";7,25\r\n'
 */
export function csvLine(cells: readonly ExportCell[], decimalSeparator: '.' | ',' = '.'): string {
  return `${cells.map((cell) => csvField(cell, decimalSeparator)).join(CSV_SEPARATOR)}\r\n`;
}
