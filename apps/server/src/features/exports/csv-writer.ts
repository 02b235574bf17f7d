import { CSV_BOM, csvLine, type Language } from '@ciao/domain';
import type { ExportTable } from './export-table.js';

/** The decimal separator a spreadsheet in the user's language expects (`;` separates fields). */
export function decimalSeparatorOf(language: Language): '.' | ',' {
  return language === 'en' ? '.' : ',';
}

/** The table as CSV (see `csv-cells.ts` in the domain for the dialect), one chunk per page of rows. */
export async function* csvChunks(table: ExportTable, language: Language): AsyncGenerator<Buffer> {
  const decimal = decimalSeparatorOf(language);
  yield Buffer.from(
    CSV_BOM +
      csvLine(
        table.columns.map((column) => column.header),
        decimal,
      ),
  );
  for await (const page of table.pages) {
    let text = '';
    for (const row of page) text += csvLine(row, decimal);
    if (text !== '') yield Buffer.from(text);
  }
}
