/** The four languages of ciao; French is the default (and the fallback for a missing key). */
export const SUPPORTED_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Each language is offered under its own name, so that a reader finds it whatever is displayed. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  en: 'English',
  de: 'Deutsch',
};

// One key for both front ends (same origin: / and /m/): one person on one browser keeps one choice.
const STORAGE_KEY = 'ciao.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The supported language of a BCP 47 tag, by its primary subtag: `nl-BE` -> `nl`, `es` -> undefined. */
export function languageOfTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The language to start with: the saved choice, else the first browser language ciao speaks, else
 * French. Example: `pickInitialLanguage(null, ['es-ES', 'nl-BE'])` returns `'nl'`.
 */
export function pickInitialLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

export function readSavedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private browsing, strict privacy settings): fall back to detection.
    return null;
  }
}

export function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted when storage is disabled; the choice still applies to this visit.
  }
}

export function detectInitialLanguage(): Language {
  const browserLanguages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return pickInitialLanguage(readSavedLanguage(), browserLanguages);
}
