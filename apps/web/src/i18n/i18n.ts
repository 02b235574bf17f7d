import { createI18n } from '@ciao/front-common';
import fr from './catalogue-fr';

// This app's texts; the shared components' texts come from front-common's `common` namespace.
// French (the default and the fallback) is bundled; another language is downloaded only when the
// browser shows it.
export const { i18next, changeLanguage, ready } = createI18n({
  fr,
  nl: () => import('./catalogue-nl'),
  en: () => import('./catalogue-en'),
  de: () => import('./catalogue-de'),
});
