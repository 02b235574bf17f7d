import { localDate, localTime, localWeekday, type Language } from '@ciao/domain';
import PDFDocument from 'pdfkit';
import type { TimesheetDayRow } from '../timesheets/timesheet-repository.js';
import { toWinAnsi } from '../onss-registrations/correction-request-pdf.js';
import type { ExportTexts } from './export-texts.js';
import { pdfOutput } from './pdf-table-writer.js';

const MARGIN = 40;
const ROW = 15;
const columnWidths = [92, 62, 110, 62, 62, 62, 65] as const;

export interface MonthlyTimesheetOptions {
  texts: ExportTexts;
  language: Language;
  timeZone: string;
  companyName: string;
  month: string;
  /** The local dates of the month, in order. */
  dates: readonly string[];
  createdAt: Date;
}

/** A duration as `h:mm`, negative with a minus sign. */
export function hoursAndMinutes(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(seconds) / 60);
  return `${sign}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

const weekdayNames: Record<Language, readonly string[]> = {
  fr: ['lu', 'ma', 'me', 'je', 've', 'sa', 'di'],
  nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
  de: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
};

/**
 * Groups the agent-days of a page (ordered by agent) by agent, keeping the database's order.
 */
function byAgent(rows: readonly TimesheetDayRow[]): TimesheetDayRow[][] {
  const groups: TimesheetDayRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]!.agent_id === row.agent_id) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/**
 * The monthly timesheet of each agent, one agent per page (A4 portrait): every day of the month
 * with arrival, breaks, departure, worked and planned time and the difference, a manager's
 * corrections marked `*`, the month's totals, and two signature boxes (agent and employer).
 * Written an agent page at a time from pages of agent-days.
 */
export async function* monthlyTimesheetPdfChunks(
  pages: AsyncIterable<TimesheetDayRow[]>,
  options: MonthlyTimesheetOptions,
): AsyncGenerator<Buffer> {
  const { texts, timeZone } = options;
  const words = texts.monthly;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: {
      Title: toWinAnsi(`${words.title} ${options.month}`),
      Author: toWinAnsi(options.companyName),
      Producer: 'ciao',
      Creator: 'ciao',
      CreationDate: options.createdAt,
    },
  });
  const output = pdfOutput(doc);
  const time = (epoch: number | null) => (epoch === null ? '' : localTime(new Date(epoch * 1000), timeZone));
  const row = (cells: readonly string[], bold = false) => {
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    cells.forEach((cell, index) => {
      doc.text(toWinAnsi(cell), x + 2, y + 3, {
        width: columnWidths[index]! - 4,
        lineBreak: false,
        ellipsis: true,
      });
      x += columnWidths[index]!;
    });
    doc.x = MARGIN;
    doc.y = y + ROW;
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(x, doc.y)
      .lineWidth(bold ? 0.8 : 0.3)
      .stroke();
  };

  const agentPage = (days: readonly TimesheetDayRow[]) => {
    const first = days[0]!;
    const byDate = new Map(days.map((day) => [day.day, day]));
    doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(toWinAnsi(`${words.title} – ${options.month}`));
    doc.moveDown(0.3).font('Helvetica').fontSize(9);
    // French writes a space before the colon.
    const colon = options.language === 'fr' ? ' : ' : ': ';
    doc.text(toWinAnsi(`${words.company}${colon}${options.companyName}`));
    doc.text(toWinAnsi(`${words.agent}${colon}${first.last_name} ${first.first_name} (${first.identifier})`));
    doc.moveDown(0.6);
    row(
      [
        words.day,
        words.arrival,
        words.breaks,
        words.departure,
        words.worked,
        words.planned,
        words.difference,
      ],
      true,
    );
    const totals = { worked: 0, planned: 0, breaks: 0 };
    for (const date of options.dates) {
      const day = byDate.get(date);
      const weekday = weekdayNames[options.language][localWeekday(new Date(`${date}T12:00:00Z`), 'UTC') - 1];
      const label = `${weekday} ${date.slice(8)}/${date.slice(5, 7)}`;
      if (!day) {
        row([label, '', '', '', '', '', '']);
        continue;
      }
      totals.worked += day.worked;
      totals.planned += day.planned;
      totals.breaks += day.break_seconds;
      const mark = `${day.corrected ? ' *' : ''}${day.open ? ' …' : ''}`;
      row([
        `${label}${mark}`,
        time(day.first_arrival),
        day.break_count === 0 ? '' : `${day.break_count} × (${hoursAndMinutes(day.break_seconds)})`,
        time(day.last_departure),
        hoursAndMinutes(day.worked),
        hoursAndMinutes(day.planned),
        hoursAndMinutes(day.worked - day.planned),
      ]);
    }
    row(
      [
        words.total,
        '',
        hoursAndMinutes(totals.breaks),
        '',
        hoursAndMinutes(totals.worked),
        hoursAndMinutes(totals.planned),
        hoursAndMinutes(totals.worked - totals.planned),
      ],
      true,
    );
    doc.moveDown(0.5).font('Helvetica').fontSize(7.5);
    doc.text(toWinAnsi(words.correctedNote), MARGIN);
    doc.text(toWinAnsi(words.openNote), MARGIN);
    const boxTop = Math.min(doc.y + 14, doc.page.height - MARGIN - 80);
    const boxWidth = (doc.page.width - 2 * MARGIN - 20) / 2;
    for (const [index, title] of [words.signatureAgent, words.signatureEmployer].entries()) {
      const x = MARGIN + index * (boxWidth + 20);
      doc.rect(x, boxTop, boxWidth, 70).lineWidth(0.6).stroke();
      doc
        .font('Helvetica-Bold')
        .fontSize(8)
        .text(toWinAnsi(title), x + 6, boxTop + 6, { width: boxWidth - 12 });
      doc
        .font('Helvetica')
        .fontSize(7)
        .text(toWinAnsi(words.dateAndSignature), x + 6, boxTop + 56, {
          width: boxWidth - 12,
        });
    }
    doc.font('Helvetica').fontSize(7);
    doc.text(
      toWinAnsi(
        texts.madeOn(`${localDate(options.createdAt, timeZone)} ${localTime(options.createdAt, timeZone)}`),
      ),
      MARGIN,
      doc.page.height - MARGIN - 10,
      { lineBreak: false },
    );
  };

  let agents = 0;
  for await (const rows of pages) {
    for (const days of byAgent(rows)) {
      agentPage(days);
      agents += 1;
    }
    yield* output.drain();
  }
  if (agents === 0) {
    doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(toWinAnsi(`${words.title} – ${options.month}`));
    doc.moveDown().font('Helvetica').fontSize(10).text(toWinAnsi(words.none));
  }
  doc.end();
  await output.ended;
  yield* output.drain();
}
