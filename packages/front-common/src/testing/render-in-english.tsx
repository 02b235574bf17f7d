import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { commonCatalogues } from '../i18n/create-i18n';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { common: commonCatalogues.en } },
  lng: 'en',
  ns: ['common'],
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** For tests: the HTML of a component with the common English texts (no DOM needed). */
export function renderInEnglish(node: ReactNode): string {
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}
