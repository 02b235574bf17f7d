import { AppProviders } from '@ciao/front-common';
import { RouterProvider } from 'react-router/dom';
import { i18next } from '../i18n/i18n';
import { router } from './router';

export function App() {
  return (
    <AppProviders i18n={i18next}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
