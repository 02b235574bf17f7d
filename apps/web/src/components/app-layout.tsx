import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The frame of every back-office page: skip link, header, main landmark, footer. */
export function AppLayout({
  headerEnd,
  headerBelow,
  sidebar,
  children,
}: {
  /** Right side of the header: language switch, the signed-in user, sign-out. */
  headerEnd: ReactNode;
  /** Under the header bar, full width (the phone menu). */
  headerBelow?: ReactNode;
  /** The navigation beside the page on wide screens. */
  sidebar?: ReactNode;
  children: ReactNode;
}) {
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
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link to="/" className="flex items-baseline gap-3 rounded-sm focus-visible:outline-white">
            <span className="text-3xl font-extrabold tracking-tight">ciao</span>
            <span className="hidden text-sm text-brand-100 sm:inline">{t('app.tagline')}</span>
            {/* Spoken after the visible words, so that voice users can say what they see. */}
            <span className="sr-only">{t('app.homeLink')}</span>
          </Link>
          {headerEnd}
        </div>
        {headerBelow}
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-1 gap-8 px-4 py-6 sm:py-8">
        {sidebar}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-600">
          {t('app.footer', { version: __APP_VERSION__ })}
        </p>
      </footer>
    </div>
  );
}
