import i18next from 'i18next';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, detectInitialLanguage, saveLanguage } from './languages';
import type { Language } from './languages';
import nl from './nl.json';

// The four catalogues are small and bundled: no loading state, no flash of untranslated text.
export const resources = {
  fr: { translation: fr },
  nl: { translation: nl },
  en: { translation: en },
  de: { translation: de },
} as const;

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.init({
  resources,
  lng: detectInitialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: SUPPORTED_LANGUAGES,
  initAsync: false,
  interpolation: {
    // React already escapes rendered strings.
    escapeValue: false,
  },
});

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  saveLanguage(language);
  await i18next.changeLanguage(language);
}

export { i18next };
