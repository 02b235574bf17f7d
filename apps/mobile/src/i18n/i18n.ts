import { createI18n } from '@ciao/front-common';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

// This app's texts; the shared components' texts come from front-common's `common` namespace.
export const { i18next, changeLanguage } = createI18n({ fr, nl, en, de });
