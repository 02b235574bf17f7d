import {
  belgianPublicHoliday,
  canWriteAgentOfType,
  DomainError,
  payrollLayoutById,
  splitSessionHours,
  type PayrollDay,
  type PayrollExportQuery,
  type Role,
} from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { countPayrollLines, payrollSessionPage, type PayrollSessionRow } from './export-repository.js';
import type { ExportSource, ExportWording } from './export-source.js';

const AGENTS_PER_PAGE = 200;

/** The first and last local dates of a month `YYYY-MM`. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Sums an agent's sessions into payroll days, one per (day, site). Night and Sunday hours come
 * from each session's span in the company's zone (see `splitSessionHours`); a session still open
 * counts its registered time and no night or Sunday share yet.
 */
export function payrollDaysOf(
  sessions: readonly PayrollSessionRow[],
  timeZone: string,
  showNiss: (row: PayrollSessionRow) => boolean,
): PayrollDay[] {
  const days: (PayrollDay & { key: string })[] = [];
  let current: (PayrollDay & { key: string }) | undefined;
  for (const session of sessions) {
    const key = `${session.agent_id}|${session.day}|${session.site_id}`;
    if (current?.key !== key) {
      current = {
        key,
        niss: showNiss(session) ? session.niss : null,
        identifier: session.identifier,
        lastName: session.last_name,
        firstName: session.first_name,
        date: session.day,
        siteName: session.site_name,
        costCentre: session.cost_centre ?? session.declaration_number,
        workedSeconds: 0,
        breakSeconds: 0,
        nightSeconds: 0,
        sundaySeconds: 0,
        publicHoliday: belgianPublicHoliday(session.day),
        corrected: false,
      };
      days.push(current);
    }
    current.workedSeconds += session.worked;
    current.breakSeconds += session.break_seconds;
    current.corrected ||= session.corrected;
    if (session.ended !== null) {
      const split = splitSessionHours(
        new Date(session.started * 1000),
        new Date(session.ended * 1000),
        session.break_seconds,
        timeZone,
      );
      current.nightSeconds += split.nightSeconds;
      current.sundaySeconds += split.sundaySeconds;
    }
  }
  return days.map(({ key: _key, ...day }) => day);
}

/**
 * The payroll file of a month in one of the payroll layouts. The NISS is given only for the
 * agents whose HR data the user may edit (as the agent's detail shows it in full); otherwise the
 * column is empty and the identifier identifies the worker.
 */
export function payrollExport(
  db: Db,
  tenantId: string,
  role: Role,
  query: PayrollExportQuery,
  wording: ExportWording,
): ExportSource {
  const layout = payrollLayoutById(query.layout);
  if (!layout) {
    throw new DomainError('VALIDATION_FAILED', `Unknown payroll layout ${query.layout}`, {
      fieldErrors: [{ path: 'layout', code: 'UNKNOWN_LAYOUT', message: 'is not a payroll layout' }],
    });
  }
  const filter = { ...monthBounds(query.month), siteId: query.siteId, agentId: query.agentId };
  const showNiss = (row: PayrollSessionRow) => canWriteAgentOfType(role, row.agent_type);
  async function* pages() {
    let after: string | null = null;
    for (;;) {
      const sessions = await payrollSessionPage(db, tenantId, filter, after, AGENTS_PER_PAGE);
      if (sessions.length === 0) return;
      yield payrollDaysOf(sessions, wording.timeZone, showNiss).map((day) => layout!.row(day));
      after = sessions.at(-1)!.agent_id;
    }
  }
  return {
    table: {
      title: `${wording.texts.titles.payroll} ${query.month}`,
      columns: layout.columns.map((column) => ({ header: column.header[wording.language] })),
      pages: pages(),
    },
    count: () => countPayrollLines(db, tenantId, filter),
  };
}
