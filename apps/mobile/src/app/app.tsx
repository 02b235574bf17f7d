import { AppProviders } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/app-header';
import { LanguageSwitch } from '../components/language-switch';
import { AppUpdateBanner } from '../features/app-update/components/app-update-banner';
import { ConnectivityIndicator } from '../features/connectivity/components/connectivity-indicator';
import { OfflineNotice } from '../features/connectivity/components/offline-notice';
import { ServerStatusCard } from '../features/status/components/server-status-card';
import { i18next } from '../i18n/i18n';

function Screen() {
  const { t } = useTranslation();

  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader status={<ConnectivityIndicator />} />
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col gap-4 px-4 py-5">
        <AppUpdateBanner />
        <OfflineNotice />
        <ServerStatusCard />
        <LanguageSwitch />
      </main>
      <footer className="pb-[env(safe-area-inset-bottom)]">
        <p className="mx-auto max-w-md px-4 py-4 text-base text-slate-700">
          {t('app.version', { version: __APP_VERSION__ })}
        </p>
      </footer>
    </div>
  );
}

export function App() {
  return (
    <AppProviders i18n={i18next}>
      <Screen />
    </AppProviders>
  );
}
