import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

// The shell's texts live beside this file; each feature folder may keep its own texts in
// `features/<feature>/i18n/<language>.json`, merged here under the feature's key.
const featureCatalogues = {
  fr: {},
  nl: {},
  en: {},
  de: {},
};

export const catalogues = {
  fr: { ...fr, ...featureCatalogues.fr },
  nl: { ...nl, ...featureCatalogues.nl },
  en: { ...en, ...featureCatalogues.en },
  de: { ...de, ...featureCatalogues.de },
};

export type Catalogue = typeof catalogues.fr;
