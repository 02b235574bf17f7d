import { mountApp } from '@ciao/front-common';
import { App } from './app/app';
import { ready } from './i18n/i18n';
import './styles.css';

// Mounted once the browser's language is loaded; without it (a failed download) French shows.
void ready
  .catch((error: unknown) => console.error('Language texts not loaded', error))
  .finally(() => mountApp(<App />));
