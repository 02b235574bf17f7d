/** The ten Belgian public holidays (jours fériés légaux / wettelijke feestdagen). */
export const belgianPublicHolidays = [
  'NEW_YEAR',
  'EASTER_MONDAY',
  'LABOUR_DAY',
  'ASCENSION',
  'WHIT_MONDAY',
  'NATIONAL_DAY',
  'ASSUMPTION',
  'ALL_SAINTS',
  'ARMISTICE',
  'CHRISTMAS',
] as const;

export type BelgianPublicHoliday = (typeof belgianPublicHolidays)[number];

/** Easter Sunday of a year (Gregorian computus, the "anonymous" algorithm), as a UTC date. */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const daysAfter = (date: Date, days: number) =>
  new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The Belgian public holiday falling on a local date `YYYY-MM-DD`, or null.
 *
 * @example
 * belgianPublicHoliday('2026-07-21'); // 'NATIONAL_DAY'
 * belgianPublicHoliday('2026-04-06'); // 'EASTER_MONDAY'
 */
export function belgianPublicHoliday(date: string): BelgianPublicHoliday | null {
  const year = Number(date.slice(0, 4));
  const fixed: Record<string, BelgianPublicHoliday> = {
    '01-01': 'NEW_YEAR',
    '05-01': 'LABOUR_DAY',
    '07-21': 'NATIONAL_DAY',
    '08-15': 'ASSUMPTION',
    '11-01': 'ALL_SAINTS',
    '11-11': 'ARMISTICE',
    '12-25': 'CHRISTMAS',
  };
  const found = fixed[date.slice(5)];
  if (found) return found;
  const easter = easterSunday(year);
  if (date === daysAfter(easter, 1)) return 'EASTER_MONDAY';
  if (date === daysAfter(easter, 39)) return 'ASCENSION';
  if (date === daysAfter(easter, 50)) return 'WHIT_MONDAY';
  return null;
}
