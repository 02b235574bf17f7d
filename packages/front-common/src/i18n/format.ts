import { isLanguage } from './languages';
import type { Language } from './languages';

/** Every date and time shown by ciao is Belgian wall-clock time, whatever the device's zone. */
export const TIME_ZONE = 'Europe/Brussels';

const LOCALES: Record<Language, string> = {
  fr: 'fr-BE',
  nl: 'nl-BE',
  en: 'en-BE',
  de: 'de-BE',
};

/** An instant: a Date, epoch milliseconds, or an ISO 8601 string as the API sends them. */
type DateInput = Date | number | string;

const instant = (value: DateInput) => (typeof value === 'string' ? new Date(value) : value);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = LOCALES[isLanguage(language) ? language : 'fr'];
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone: TIME_ZONE });
    formatters.set(key, cached);
  }
  return cached;
}

/** A date in Brussels, e.g. `formatDate(Date.UTC(2026, 0, 15, 23, 30), 'fr')` -> `16 janv. 2026`. */
export function formatDate(value: DateInput, language: string): string {
  return formatter(language, { dateStyle: 'medium' }).format(instant(value));
}

/** A time in Brussels, e.g. `formatTime(Date.UTC(2026, 6, 1, 12, 5), 'nl')` -> `14:05`. */
export function formatTime(value: DateInput, language: string, options: { seconds?: boolean } = {}): string {
  return formatter(language, { timeStyle: options.seconds ? 'medium' : 'short' }).format(instant(value));
}

/** A date and time in Brussels, e.g. `formatDateTime(Date.UTC(2026, 0, 15, 12, 30), 'en')` -> `15 Jan 2026, 13:30`. */
export function formatDateTime(value: DateInput, language: string): string {
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short' }).format(instant(value));
}
