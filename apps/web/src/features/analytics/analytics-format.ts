const locales: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-BE', de: 'de-BE' };

/** The Belgian locale of a language, for numbers and dates: `localeOf('nl')` -> `'nl-BE'`. */
export const localeOf = (language: string) => locales[language] ?? 'fr-BE';

/** Seconds as hours with at most one decimal, in the reader's language: `formatHours(45_000, 'fr')` -> `12,5 h`. */
export function formatHours(seconds: number, language: string): string {
  const hours = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(
    seconds / 3600,
  );
  return `${hours} h`;
}

/** A share as a percentage: `formatShare(0.875, 'en')` -> `87.5%`; none -> an en dash. */
export function formatShare(share: number | null, language: string): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

/** A count in the reader's language: `formatCount(1234, 'fr')` -> `1 234` (narrow no-break space). */
export function formatCount(count: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(count);
}

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** A week's short label on an axis, its Monday: `weekLabel('2026-11-02', 'nl')` -> `2 nov`. */
export function weekLabel(week: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(noon(week));
}

/** A week's Monday in full, for names and tables: `weekDate('2026-11-02', 'en')` -> `2 Nov 2026`. */
export function weekDate(week: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    noon(week),
  );
}
