import { createI18n } from '@ciao/front-common';
import fr from './fr.json';

// This app's texts; the shared components' texts come from front-common's `common` namespace.
// French (the default and the fallback) is bundled; another language is downloaded only when the
// phone shows it (the service worker keeps them all for offline use).
export const { i18next, changeLanguage, ready } = createI18n({
  fr,
  nl: () => import('./nl.json'),
  en: () => import('./en.json'),
  de: () => import('./de.json'),
});
