import i18next from 'i18next';
import type { i18n } from 'i18next';
import commonDe from './common/de.json';
import commonEn from './common/en.json';
import commonFr from './common/fr.json';
import commonNl from './common/nl.json';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, detectInitialLanguage, saveLanguage } from './languages';
import type { Language } from './languages';

/**
 * The texts of the components of this package (server state, request errors), in the `common`
 * namespace of each app's i18next instance; the app's own texts stay in `translation`.
 */
export const commonCatalogues = { fr: commonFr, nl: commonNl, en: commonEn, de: commonDe } as const;

/** For an app's i18next type declaration: `resources: CommonResources & { translation: typeof fr }`. */
export interface CommonResources {
  common: typeof commonFr;
}

/** One app's own texts in each language, e.g. `{ fr, nl, en, de }` imported from its JSON files. */
export type AppCatalogues = Record<Language, Record<string, unknown>>;

export interface AppI18n {
  i18next: i18n;
  /** Switches the interface language and remembers the choice on this device. */
  changeLanguage: (language: Language) => Promise<void>;
}

/**
 * An app's i18next instance, with its catalogues and the common ones, in the language detected at
 * start (saved choice, else the browser's, else French). `<html lang>` follows the language.
 * Example: `export const { i18next, changeLanguage } = createI18n({ fr, nl, en, de })`.
 */
export function createI18n(catalogues: AppCatalogues): AppI18n {
  const instance = i18next.createInstance();
  // The four catalogues are small and bundled: no loading state, no flash of untranslated text.
  const resources = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => [
      language,
      { translation: catalogues[language], common: commonCatalogues[language] },
    ]),
  );

  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });

  void instance.init({
    resources,
    ns: ['translation', 'common'],
    lng: detectInitialLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES,
    initAsync: false,
    interpolation: {
      // React already escapes rendered strings.
      escapeValue: false,
    },
  });

  return {
    i18next: instance,
    async changeLanguage(language) {
      saveLanguage(language);
      await instance.changeLanguage(language);
    },
  };
}
