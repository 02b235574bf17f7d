import { importColumns, type ImportKind } from '@ciao/domain';

const quoted = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * The template of an import: the header and one example line, `;`-separated with CRLF and a UTF-8
 * byte-order mark, which is what Excel in Belgium opens in columns (and with accents) as it is.
 */
export function importTemplate(kind: ImportKind): string {
  const columns = importColumns[kind];
  const lines = [columns.map((column) => column.name), columns.map((column) => column.example)];
  return `\uFEFF${lines.map((cells) => cells.map(quoted).join(';')).join('\r\n')}\r\n`;
}
