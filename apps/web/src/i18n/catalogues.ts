import de from './catalogue-de';
import en from './catalogue-en';
import fr from './catalogue-fr';
import nl from './catalogue-nl';

/**
 * Every language's texts, for checks and tests. The app bundles French only and downloads another
 * language when it is shown (`i18n.ts`).
 */
export const catalogues = { fr, nl, en, de };

export type Catalogue = typeof fr;
