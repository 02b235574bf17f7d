import type { Language } from '../contracts/common.js';
import type { BelgianPublicHoliday } from './belgian-holidays.js';
import type { ExportCell } from './csv-cells.js';

/**
 * One agent's day at one site, as every payroll layout gets it: the figures a payroll office
 * needs, already in the company's local time and with a manager's corrections applied.
 */
export interface PayrollDay {
  /** The NISS, or null when the exporting user may not see it (or it is unknown). */
  niss: string | null;
  identifier: string;
  lastName: string;
  firstName: string;
  /** Local date `YYYY-MM-DD`. */
  date: string;
  siteName: string;
  /** The site's cost centre when it has one (its work declaration number otherwise, or null). */
  costCentre: string | null;
  workedSeconds: number;
  breakSeconds: number;
  nightSeconds: number;
  sundaySeconds: number;
  publicHoliday: BelgianPublicHoliday | null;
  corrected: boolean;
}

/** A column of a payroll layout: its key and its header in each language. */
export interface PayrollColumn {
  key: string;
  header: Record<Language, string>;
}

/**
 * A payroll file layout. To add one (a payroll office's import format), write an object of this
 * shape and list it in `payrollLayouts`: the export route, the UI's layout choice and the docs
 * table follow from the list.
 */
export interface PayrollLayout {
  id: string;
  label: Record<Language, string>;
  columns: readonly PayrollColumn[];
  /** The cells of one day, in the order of `columns`. */
  row(day: PayrollDay): ExportCell[];
}

/**
 * Hours as a decimal number with two decimals (7 h 45 → 7.75), what payroll software sums.
 *
 * @example
 * decimalHours(27_900); // 7.75
 */
export function decimalHours(seconds: number): number {
  return Math.round(seconds / 36) / 100;
}

const header = (fr: string, nl: string, en: string, de: string) => ({ fr, nl, en, de });

/**
 * The generic layout: one line per agent, day and site, hours in decimal, for any payroll office
 * that maps columns on import. The NISS column is empty when the exporting user may not see it;
 * the identifier always identifies the worker.
 *
 * @example
 * genericPayrollLayout.columns.map((column) => column.key)[0]; // 'niss'
 */
export const genericPayrollLayout: PayrollLayout = {
  id: 'generic',
  label: header('Générique (CSV)', 'Generiek (CSV)', 'Generic (CSV)', 'Allgemein (CSV)'),
  columns: [
    { key: 'niss', header: header('NISS', 'INSZ', 'NISS', 'NISS') },
    { key: 'identifier', header: header('Identifiant', 'Identificatie', 'Identifier', 'Kennung') },
    { key: 'last_name', header: header('Nom', 'Naam', 'Last name', 'Nachname') },
    { key: 'first_name', header: header('Prénom', 'Voornaam', 'First name', 'Vorname') },
    { key: 'date', header: header('Date', 'Datum', 'Date', 'Datum') },
    { key: 'site', header: header('Site', 'Werf', 'Site', 'Standort') },
    { key: 'cost_centre', header: header('Centre de coût', 'Kostenplaats', 'Cost centre', 'Kostenstelle') },
    {
      key: 'worked_hours',
      header: header('Heures prestées', 'Gewerkte uren', 'Worked hours', 'Arbeitsstunden'),
    },
    {
      key: 'break_minutes',
      header: header('Minutes de pause', 'Pauzeminuten', 'Break minutes', 'Pausenminuten'),
    },
    {
      key: 'night_hours',
      header: header(
        'Heures de nuit (22-6)',
        'Nachturen (22-6)',
        'Night hours (22-6)',
        'Nachtstunden (22-6)',
      ),
    },
    {
      key: 'sunday_hours',
      header: header('Heures du dimanche', 'Zondagsuren', 'Sunday hours', 'Sonntagsstunden'),
    },
    { key: 'public_holiday', header: header('Jour férié', 'Feestdag', 'Public holiday', 'Feiertag') },
    { key: 'corrected', header: header('Corrigé', 'Gecorrigeerd', 'Corrected', 'Korrigiert') },
  ],
  row: (day) => [
    day.niss,
    day.identifier,
    day.lastName,
    day.firstName,
    day.date,
    day.siteName,
    day.costCentre,
    decimalHours(day.workedSeconds),
    Math.round(day.breakSeconds / 60),
    decimalHours(day.nightSeconds),
    decimalHours(day.sundaySeconds),
    day.publicHoliday,
    day.corrected ? 1 : 0,
  ],
};

/**
 * The payroll layouts a company may choose, by id.
 *
 * @example
 * payrollLayouts.map((layout) => layout.id); // ['generic']
 */
export const payrollLayouts: readonly PayrollLayout[] = [genericPayrollLayout];

/** The layout of an id, or undefined. */
export function payrollLayoutById(id: string): PayrollLayout | undefined {
  return payrollLayouts.find((layout) => layout.id === id);
}
