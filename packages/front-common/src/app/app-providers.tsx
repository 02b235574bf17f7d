import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { createQueryClient } from './query-client';

/** Translations (the app's i18next instance, from `createI18n`) and one query client per page load. */
export function AppProviders({ i18n, children }: { i18n: i18n; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
