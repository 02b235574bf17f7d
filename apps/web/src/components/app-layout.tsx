import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './language-switch';

/** The frame of every back-office page: header, main landmark, footer. */
export function AppLayout() {
  const { t } = useTranslation();

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white font-semibold text-brand-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-2 focus-visible:outline-white"
      >
        {t('app.skipToContent')}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link
            to="/"
            className="flex items-baseline gap-3 rounded-sm focus-visible:outline-white"
            aria-label={t('app.homeLink')}
          >
            <span className="text-3xl font-extrabold tracking-tight">ciao</span>
            <span className="hidden text-sm text-brand-100 sm:inline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-600">
          {t('app.footer', { version: __APP_VERSION__ })}
        </p>
      </footer>
    </div>
  );
}
