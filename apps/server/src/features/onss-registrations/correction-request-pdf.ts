import PDFDocument from 'pdfkit';
import type { CorrectionPdfTexts } from './correction-request-pdf-texts.js';

export interface CorrectionPdfRow {
  agent: string;
  niss: string;
  time: string;
  direction: string;
  site: string;
  declaration: string;
  onssId: string;
  status: string;
  correction: string;
  deadline: string;
}

export interface CorrectionPdfContent {
  texts: CorrectionPdfTexts;
  company: { name: string; enterpriseNumber: string; onssEmployerNumber: string };
  reference: string;
  createdOn: string;
  reason: string;
  evidence: string | null;
  rows: CorrectionPdfRow[];
  /** Written as the document's creation date, so that the same request gives the same file. */
  createdAt: Date;
}

/**
 * The characters the standard PDF fonts can draw (WinAnsiEncoding, i.e. Windows-1252): Latin-1
 * plus the few extras of 0x80–0x9F (€, œ, Œ, Š, Ž, Ÿ, quotes, dashes…). That covers French, Dutch
 * and German; the fonts themselves need no embedding, which keeps the file small.
 */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const stroked: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

function drawable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char);
}

/**
 * Text the standard fonts can draw: a letter outside Windows-1252 (a Polish ą, a Romanian ș) loses
 * its accent rather than turning into a wrong glyph; whatever is left is written `?`. Line breaks
 * and tabs become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ')) {
    if (drawable(char)) out += char;
    else if (stroked[char]) out += stroked[char];
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== '' && [...bare].every(drawable) ? bare : '?';
    }
  }
  return out;
}

const MARGIN = 36;
const columnWidths = [82, 68, 66, 34, 80, 74, 62, 90, 152, 52] as const;

function labelled(doc: PDFKit.PDFDocument, texts: CorrectionPdfTexts, label: string, value: string) {
  doc.font('Helvetica-Bold').text(toWinAnsi(`${label}${texts.colon}`), { continued: true });
  doc.font('Helvetica').text(toWinAnsi(value));
}

/** The correction request ONSS needs, as a PDF (A4 landscape): the employer, the why, one row per registration. */
export async function renderCorrectionRequestPdf(content: CorrectionPdfContent): Promise<Buffer> {
  const { texts } = content;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: toWinAnsi(`${texts.title} – ${content.reference}`),
      Author: toWinAnsi(content.company.name),
      Producer: 'ciao',
      Creator: 'ciao',
      CreationDate: content.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(13).text(toWinAnsi(texts.title));
  doc.moveDown(0.6).fontSize(9);
  labelled(doc, texts, texts.company, content.company.name);
  labelled(doc, texts, texts.enterpriseNumber, content.company.enterpriseNumber || texts.none);
  labelled(doc, texts, texts.onssEmployerNumber, content.company.onssEmployerNumber || texts.none);
  labelled(doc, texts, texts.reference, content.reference);
  labelled(doc, texts, texts.createdOn, content.createdOn);
  doc.moveDown(0.5);
  labelled(doc, texts, texts.reason, content.reason);
  labelled(doc, texts, texts.evidence, content.evidence || texts.none);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(10).text(toWinAnsi(texts.registrations));
  doc.moveDown(0.3);

  const c = texts.columns;
  const header = [
    c.agent,
    c.niss,
    c.time,
    c.direction,
    c.site,
    c.declaration,
    c.onssId,
    c.status,
    c.correction,
    c.deadline,
  ];
  const table = doc.fontSize(7.5).table({
    columnStyles: [...columnWidths],
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#777777' },
  });
  table.row(
    header.map((text) => ({
      text: toWinAnsi(text),
      type: 'TH' as const,
      font: { src: 'Helvetica-Bold' },
      backgroundColor: '#e8e8e8',
    })),
  );
  for (const row of content.rows) {
    table.row(
      [
        row.agent,
        row.niss,
        row.time,
        row.direction,
        row.site,
        row.declaration,
        row.onssId,
        row.status,
        row.correction,
        row.deadline,
      ].map((text) => ({ text: toWinAnsi(text), font: { src: 'Helvetica' } })),
    );
  }
  table.end();
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(7.5).text(toWinAnsi(texts.footer), MARGIN);

  // Page numbers once the number of pages is known; the bottom margin is lifted so that writing
  // in it does not start a new page.
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(
        toWinAnsi(`${content.reference} – ${texts.page(index - start + 1, count)}`),
        MARGIN,
        doc.page.height - MARGIN + 12,
        { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
