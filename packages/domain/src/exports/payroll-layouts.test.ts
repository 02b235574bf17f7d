import { describe, expect, it } from 'vitest';
import { belgianPublicHoliday } from './belgian-holidays.js';
import { decimalHours, genericPayrollLayout, payrollLayoutById, type PayrollDay } from './payroll-layouts.js';

const day: PayrollDay = {
  niss: '85073003328',
  identifier: 'A-001',
  lastName: 'Peeters',
  firstName: 'An',
  date: '2026-11-29',
  siteName: 'Gare du Midi',
  costCentre: 'CC-12',
  workedSeconds: 7 * 3600 + 45 * 60,
  breakSeconds: 30 * 60,
  nightSeconds: 2 * 3600,
  sundaySeconds: 7 * 3600 + 45 * 60,
  publicHoliday: null,
  corrected: true,
};

describe('genericPayrollLayout', () => {
  it('maps a day onto its columns, hours in decimal and breaks in minutes', () => {
    const cells = genericPayrollLayout.row(day);
    expect(cells).toHaveLength(genericPayrollLayout.columns.length);
    const byKey = Object.fromEntries(
      genericPayrollLayout.columns.map((column, index) => [column.key, cells[index]]),
    );
    expect(byKey).toMatchObject({
      niss: '85073003328',
      identifier: 'A-001',
      date: '2026-11-29',
      site: 'Gare du Midi',
      cost_centre: 'CC-12',
      worked_hours: 7.75,
      break_minutes: 30,
      night_hours: 2,
      sunday_hours: 7.75,
      public_holiday: null,
      corrected: 1,
    });
  });

  it('leaves the NISS empty when it may not be shown; the identifier still identifies', () => {
    const cells = genericPayrollLayout.row({ ...day, niss: null });
    expect(cells[0]).toBeNull();
    expect(cells[1]).toBe('A-001');
  });

  it('has a header in every language and is found by its id', () => {
    for (const column of genericPayrollLayout.columns)
      for (const language of ['fr', 'nl', 'en', 'de'] as const) expect(column.header[language]).not.toBe('');
    expect(payrollLayoutById('generic')).toBe(genericPayrollLayout);
    expect(payrollLayoutById('nope')).toBeUndefined();
  });

  it('rounds decimal hours to the hundredth', () => {
    expect(decimalHours(1)).toBe(0);
    expect(decimalHours(3600 + 20 * 60)).toBe(1.33);
  });
});

describe('belgianPublicHoliday', () => {
  it('knows the fixed and the Easter-based holidays', () => {
    expect(belgianPublicHoliday('2026-01-01')).toBe('NEW_YEAR');
    expect(belgianPublicHoliday('2026-04-06')).toBe('EASTER_MONDAY');
    expect(belgianPublicHoliday('2026-05-14')).toBe('ASCENSION');
    expect(belgianPublicHoliday('2026-05-25')).toBe('WHIT_MONDAY');
    expect(belgianPublicHoliday('2027-03-29')).toBe('EASTER_MONDAY');
    expect(belgianPublicHoliday('2026-11-11')).toBe('ARMISTICE');
    expect(belgianPublicHoliday('2026-11-12')).toBeNull();
  });
});
