import { mountApp } from '@ciao/front-common';
import { App } from './app/app';
import { ready } from './i18n/i18n';
import { prefetchSignedIn } from './app/signed-in-loader';
import './styles.css';

// A signed-in agent's screens are fetched beside the texts, not after the first render.
prefetchSignedIn();
// Mounted once the phone's language is loaded; without it (a failed download) French shows.
void ready
  .catch((error: unknown) => console.error('Language texts not loaded', error))
  .finally(() => mountApp(<App />));
