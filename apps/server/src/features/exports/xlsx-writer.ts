import type { ExportCell } from '@ciao/domain';
import { Zip, ZipDeflate } from 'fflate';
import type { ExportTable } from './export-table.js';

// A minimal SpreadsheetML workbook, written by hand into a streaming zip (fflate, already in the
// dependency tree through pdfkit): one sheet, inline strings (no shared-strings table to keep in
// memory), a bold frozen header row. Nothing but the current page of rows is held; see
// docs/exports.md for why not exceljs and for the measured figures.

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`;

function workbook(sheetName: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

/** Excel's sheet names: at most 31 characters, none of `[]:*?/\`. */
export function sheetNameOf(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Export';
}

/** XML text: the five escapes, and the control characters XML 1.0 cannot carry dropped. */
export function escapeXml(text: string): string {
  // Most cells need nothing: one test spares five replacements.
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\u0000-\u001F\uFFFE\uFFFF]/.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function cellXml(value: ExportCell, style = ''): string {
  if (value === null) return '<c/>';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c${style}><v>${value}</v></c>` : '<c/>';
  // xml:space keeps leading and trailing spaces; inline strings are never read as formulas.
  return `<c t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** The table as an XLSX workbook, one compressed chunk per page of rows. */
export async function* xlsxChunks(table: ExportTable): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  };
  const file = (name: string, content: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(Buffer.from(content), true);
  };
  file('[Content_Types].xml', CONTENT_TYPES);
  file('_rels/.rels', ROOT_RELS);
  file('xl/workbook.xml', workbook(sheetNameOf(table.title)));
  file('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  file('xl/styles.xml', STYLES);
  // Level 1: on a sheet of repetitive XML it compresses almost as well as 6, at twice the speed.
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const header = table.columns.map((column) => cellXml(column.header, ' s="1"')).join('');
  sheet.push(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
        `<sheetData><row>${header}</row>`,
    ),
  );
  yield* drain();
  for await (const page of table.pages) {
    let xml = '';
    for (const row of page) {
      xml += '<row>';
      for (const cell of row) xml += cellXml(cell);
      xml += '</row>';
    }
    sheet.push(Buffer.from(xml));
    yield* drain();
  }
  sheet.push(Buffer.from('</sheetData></worksheet>'), true);
  zip.end();
  yield* drain();
}
