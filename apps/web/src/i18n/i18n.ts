import { createI18n } from '@ciao/front-common';
import { catalogues } from './catalogues';

// This app's texts; the shared components' texts come from front-common's `common` namespace.
export const { i18next, changeLanguage } = createI18n(catalogues);
