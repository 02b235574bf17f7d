import { unzipSync } from 'fflate';

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * The cells of the first sheet of an XLSX workbook, row by row: text of inline strings, numbers of
 * numeric cells, null for empty ones. Enough to check what ciao writes (inline strings only).
 */
export function xlsxRows(file: Uint8Array): (string | number | null)[][] {
  const entries = unzipSync(file);
  const sheet = entries['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('no first sheet in the workbook');
  const xml = Buffer.from(sheet).toString('utf8');
  const rows: (string | number | null)[][] = [];
  for (const row of xml.matchAll(/<row>(.*?)<\/row>/gs)) {
    const cells: (string | number | null)[] = [];
    for (const cell of row[1]!.matchAll(/<c\b[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
      const inner = cell[1];
      if (inner === undefined) cells.push(null);
      else if (inner.startsWith('<is>'))
        cells.push(unescapeXml(/<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? ''));
      else cells.push(Number(/<v>(.*?)<\/v>/s.exec(inner)?.[1]));
    }
    rows.push(cells);
  }
  return rows;
}
