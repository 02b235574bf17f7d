import type { ExportCell } from '@ciao/domain';

/** A column of an exported table: its header (in the user's language) and its width in a PDF. */
export interface ExportColumn {
  header: string;
  /** Relative width in the PDF table (1 by default). */
  weight?: number;
}

/**
 * A table on its way out: the columns, then the rows a page at a time, as the database gives them
 * (a keyset page, never the whole result), so that a writer holds one page in memory at most.
 */
export interface ExportTable {
  title: string;
  columns: readonly ExportColumn[];
  pages: AsyncIterable<ExportCell[][]>;
}

/** The same table, counting its rows as they pass (a background job's progress). */
export function countingRows(table: ExportTable, onRows: (rowsSoFar: number) => void): ExportTable {
  async function* pages() {
    let done = 0;
    for await (const page of table.pages) {
      yield page;
      done += page.length;
      onRows(done);
    }
  }
  return { ...table, pages: pages() };
}
