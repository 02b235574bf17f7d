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

/** One language's texts of an app. */
export type Catalogue = Record<string, unknown>;

/**
 * A language's texts, bundled (`fr`, imported from its JSON file) or loaded when that language is
 * needed (`() => import('./nl.json')`), so that a phone downloads only the language it shows.
 */
export type CatalogueSource = Catalogue | (() => Promise<{ default: Catalogue }>);

/** One app's own texts in each language, e.g. `{ fr, nl, en, de }` imported from its JSON files. */
export type AppCatalogues = Record<Language, CatalogueSource>;

export interface AppI18n {
  i18next: i18n;
  /** Switches the interface language (loading its texts first) and remembers the choice on this device. */
  changeLanguage: (language: Language) => Promise<void>;
  /**
   * Settles once the starting language's texts are there: at once when they are bundled. An app with
   * loaded catalogues mounts after it, so that no text flashes in another language.
   */
  ready: Promise<void>;
}

/**
 * An app's i18next instance, with its catalogues and the common ones, in the language detected at
 * start (saved choice, else the browser's, else French). `<html lang>` follows the language.
 * Example: `export const { i18next, changeLanguage } = createI18n({ fr, nl, en, de })`.
 * Keep the default language (the fallback for a missing key) bundled.
 */
export function createI18n(catalogues: AppCatalogues): AppI18n {
  const instance = i18next.createInstance();
  const bundled = (language: Language) => {
    const source = catalogues[language];
    return typeof source === 'function' ? undefined : source;
  };
  const resources = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => [
      language,
      {
        common: commonCatalogues[language],
        ...(bundled(language) ? { translation: bundled(language) } : {}),
      },
    ]),
  );

  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });

  async function load(language: Language): Promise<void> {
    const source = catalogues[language];
    if (typeof source !== 'function' || instance.hasResourceBundle(language, 'translation')) return;
    instance.addResourceBundle(language, 'translation', (await source()).default);
  }

  const initial = detectInitialLanguage();
  // Synchronous when the starting language is bundled: an app may render right away.
  void instance.init({
    resources,
    partialBundledLanguages: true,
    ns: ['translation', 'common'],
    lng: initial,
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
    // A catalogue that cannot be loaded leaves the default language's texts (the fallback) showing.
    ready: load(initial),
    async changeLanguage(language) {
      // Remembered before its texts arrive: a page left or reloaded during the download still opens
      // in the chosen language.
      saveLanguage(language);
      await load(language);
      await instance.changeLanguage(language);
    },
  };
}
