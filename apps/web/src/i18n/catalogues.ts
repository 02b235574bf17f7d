import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';
import companyDe from '../features/company/i18n/de.json';
import companyEn from '../features/company/i18n/en.json';
import companyFr from '../features/company/i18n/fr.json';
import companyNl from '../features/company/i18n/nl.json';
import licencesDe from '../features/licences/i18n/de.json';
import licencesEn from '../features/licences/i18n/en.json';
import licencesFr from '../features/licences/i18n/fr.json';
import licencesNl from '../features/licences/i18n/nl.json';

// The shell's texts live beside this file; each feature folder may keep its own texts in
// `features/<feature>/i18n/<language>.json`, merged here under the feature's key.
const featureCatalogues = {
  fr: { ...companyFr, licences: licencesFr },
  nl: { ...companyNl, licences: licencesNl },
  en: { ...companyEn, licences: licencesEn },
  de: { ...companyDe, licences: licencesDe },
};

export const catalogues = {
  fr: { ...fr, ...featureCatalogues.fr },
  nl: { ...nl, ...featureCatalogues.nl },
  en: { ...en, ...featureCatalogues.en },
  de: { ...de, ...featureCatalogues.de },
};

export type Catalogue = typeof catalogues.fr;
