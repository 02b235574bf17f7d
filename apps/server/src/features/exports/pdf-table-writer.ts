import PDFDocument from 'pdfkit';
import { toWinAnsi } from '../onss-registrations/correction-request-pdf.js';
import type { ExportTable } from './export-table.js';

const MARGIN = 30;
const FONT_SIZE = 7;
const ROW_HEIGHT = 11;

export interface PdfTableOptions {
  /** Printed under the title: the company, the filters, when it was made. */
  subtitle: string;
  pageLabel: (page: number) => string;
  createdAt: Date;
}

/** Collects what a pdfkit document writes, to hand it on a piece at a time. */
export function pdfOutput(doc: PDFKit.PDFDocument) {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  return {
    *drain() {
      while (chunks.length > 0) yield chunks.shift()!;
    },
    ended,
  };
}

/**
 * The table as a PDF (A4 landscape, the house style of the correction request: standard fonts,
 * no embedding): the header row repeated on each page, one line per row, long text cut with an
 * ellipsis. Written a page of rows at a time.
 */
export function pdfTableChunks(table: ExportTable, options: PdfTableOptions): AsyncGenerator<Buffer> {
  return pdfSectionsChunks(table.title, [{ ...table, title: '' }], options);
}

/**
 * Several tables in one PDF, each under its own heading (a person's data: identity, registrations,
 * work sessions...), in the layout of `pdfTableChunks`. A table without rows prints `empty`.
 */
export async function* pdfSectionsChunks(
  title: string,
  sections: readonly ExportTable[],
  options: PdfTableOptions & { empty?: string },
): AsyncGenerator<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: {
      Title: toWinAnsi(title),
      Producer: 'ciao',
      Creator: 'ciao',
      CreationDate: options.createdAt,
    },
  });
  const output = pdfOutput(doc);
  const width = doc.page.width - 2 * MARGIN;
  let page = 1;
  let widths: number[] = [];

  const footer = () => {
    doc.font('Helvetica').fontSize(FONT_SIZE);
    doc.text(toWinAnsi(options.pageLabel(page)), MARGIN, doc.page.height - MARGIN - 4, {
      width,
      align: 'right',
      lineBreak: false,
    });
  };
  const line = (cells: readonly (string | number | null)[], bold: boolean) => {
    let x = MARGIN;
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    cells.forEach((cell, index) => {
      const text = cell === null ? '' : toWinAnsi(String(cell));
      doc.text(text, x + 1, y, {
        width: widths[index]! - 2,
        height: ROW_HEIGHT,
        ellipsis: true,
        lineBreak: false,
      });
      x += widths[index]!;
    });
    doc.x = MARGIN;
    doc.y = y + ROW_HEIGHT;
    if (bold)
      doc
        .moveTo(MARGIN, doc.y - 1)
        .lineTo(MARGIN + width, doc.y - 1)
        .lineWidth(0.5)
        .stroke();
  };
  /** A new page when fewer than `rows` lines fit on this one. */
  const room = (rows: number) => {
    if (doc.y + rows * ROW_HEIGHT <= doc.page.height - MARGIN - 12) return false;
    footer();
    doc.addPage();
    page += 1;
    return true;
  };

  doc.font('Helvetica-Bold').fontSize(13).text(toWinAnsi(title));
  doc.font('Helvetica').fontSize(8).text(toWinAnsi(options.subtitle)).moveDown(0.6);
  for (const table of sections) {
    const totalWeight = table.columns.reduce((sum, column) => sum + (column.weight ?? 1), 0);
    widths = table.columns.map((column) => ((column.weight ?? 1) / totalWeight) * width);
    const headerRow = () =>
      line(
        table.columns.map((column) => column.header),
        true,
      );
    if (table.title) {
      room(4);
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(10).text(toWinAnsi(table.title), MARGIN);
      doc.moveDown(0.2);
    }
    headerRow();
    let rowsWritten = 0;
    for await (const rows of table.pages) {
      for (const row of rows) {
        if (room(1)) headerRow();
        line(row, false);
        rowsWritten += 1;
      }
      yield* output.drain();
    }
    if (rowsWritten === 0 && options.empty) {
      widths = [width];
      line([options.empty], false);
    }
  }
  footer();
  doc.end();
  await output.ended;
  yield* output.drain();
}
