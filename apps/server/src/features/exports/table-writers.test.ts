import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvChunks } from './csv-writer.js';
import { keysetPages } from './export-cells.js';
import { countingRows, type ExportTable } from './export-table.js';
import { escapeXml, sheetNameOf, xlsxChunks } from './xlsx-writer.js';

function tableOf(pages: (string | number | null)[][][]): ExportTable {
  async function* read() {
    for (const page of pages) yield page;
  }
  return { title: 'Pointages: nov/déc', columns: [{ header: 'Agent' }, { header: 'Heures' }], pages: read() };
}

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('csvChunks', () => {
  it('writes a BOM, the header and each page, with the language’s decimal separator', async () => {
    const table = tableOf([[['Dupont', 7.5]], [['=cmd', null]]]);
    const text = (await bytesOf(csvChunks(table, 'fr'))).toString('utf8');
    expect(text).toBe("\uFEFFAgent;Heures\r\nDupont;7,5\r\n'=cmd;\r\n");
    const english = (await bytesOf(csvChunks(tableOf([[['Dupont', 7.5]]]), 'en'))).toString('utf8');
    expect(english).toContain('Dupont;7.5\r\n');
  });
});

describe('xlsxChunks', () => {
  it('writes a workbook whose sheet holds the header and every row, text escaped', async () => {
    const file = await bytesOf(xlsxChunks(tableOf([[['A & B <c>', 1.25]], [['x', null]]])));
    const entries = unzipSync(new Uint8Array(file));
    expect(Object.keys(entries).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = Buffer.from(entries['xl/worksheets/sheet1.xml']!).toString('utf8');
    expect(sheet.match(/<row>/g)).toHaveLength(3);
    expect(sheet).toContain('<t xml:space="preserve">A &amp; B &lt;c&gt;</t>');
    expect(sheet).toContain('<c><v>1.25</v></c><');
    expect(Buffer.from(entries['xl/workbook.xml']!).toString('utf8')).toContain('name="Pointages  nov déc"');
  });

  it('drops the control characters XML cannot carry and keeps sheet names legal', () => {
    expect(escapeXml('a\u0001b"')).toBe('ab&quot;');
    expect(escapeXml('plain')).toBe('plain');
    expect(sheetNameOf('x'.repeat(40))).toHaveLength(31);
    expect(sheetNameOf('')).toBe('Export');
  });
});

describe('keysetPages and countingRows', () => {
  it('asks each page after the last row of the one before, stops on a short page, and counts', async () => {
    const rows = Array.from({ length: 5 }, (_, index) => ({ id: `id${index}`, cursorAt: `t${index}` }));
    const cursors: (string | null)[] = [];
    const pages = keysetPages(
      async (cursor, limit) => {
        cursors.push(cursor?.id ?? null);
        const start = cursor ? rows.findIndex((row) => row.id === cursor.id) + 1 : 0;
        return rows.slice(start, start + limit);
      },
      (row) => row.id,
      (row) => [row.id],
      2,
    );
    const seen: number[] = [];
    const counted = countingRows({ title: 't', columns: [], pages }, (done) => seen.push(done));
    const all: string[] = [];
    for await (const page of counted.pages) all.push(...page.map((cells) => String(cells[0])));
    expect(all).toEqual(['id0', 'id1', 'id2', 'id3', 'id4']);
    expect(cursors).toEqual([null, 'id1', 'id3']);
    expect(seen).toEqual([2, 4, 5]);
  });
});
