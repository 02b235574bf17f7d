import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { ApiError } from '../../../lib/api';

const NAV_LINK =
  'inline-flex min-h-11 items-center rounded-md px-3 font-semibold text-white hover:bg-brand-800 aria-[current=page]:bg-brand-900 focus-visible:outline-white';

/**
 * The operator console's own frame: no tenant menu, no company. `signedIn` adds the console's
 * navigation and the operator's sign-out.
 */
export function PlatformFrame({
  signedIn,
  children,
}: {
  signedIn?: { email: string; onSignOut: () => void };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white font-semibold text-brand-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-2"
      >
        {t('app.skipToContent')}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link to="/platform" className="flex items-baseline gap-3 rounded-sm focus-visible:outline-white">
            <span className="text-3xl font-extrabold tracking-tight">ciao</span>
            <span className="text-sm text-brand-100">{t('platform.consoleName')}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            {signedIn && (
              <>
                <span className="text-sm text-brand-100">{signedIn.email}</span>
                <button
                  type="button"
                  className="min-h-11 rounded-md border border-white/60 px-3 font-semibold text-white hover:bg-brand-800 focus-visible:outline-white"
                  onClick={signedIn.onSignOut}
                >
                  {t('platform.signOut')}
                </button>
              </>
            )}
            <LanguageSwitch />
          </div>
        </div>
        {signedIn && (
          <nav
            aria-label={t('platform.nav.label')}
            className="mx-auto flex max-w-6xl flex-wrap gap-2 px-4 pb-3"
          >
            <NavLink end to="/platform" className={NAV_LINK}>
              {t('platform.nav.tenants')}
            </NavLink>
            <NavLink to="/platform/licence-requests" className={NAV_LINK}>
              {t('platform.nav.requests')}
            </NavLink>
            <NavLink to="/platform/emails" className={NAV_LINK}>
              {t('platform.nav.emails')}
            </NavLink>
          </nav>
        )}
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:py-8"
      >
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-600">
          {t('app.footer', { version: __APP_VERSION__ })}
        </p>
      </footer>
    </div>
  );
}

const KNOWN = [
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'SECOND_FACTOR_INVALID',
  'CONFLICT',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'DUPLICATE_LOGIN',
  'PASSWORD_LINK_INVALID',
  'PASSWORD_LINK_USED',
  'SESSION_EXPIRED',
  'UNAUTHENTICATED',
] as const;
type KnownCode = (typeof KNOWN)[number];
const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code);
// The server's own sentence names the company or the field: kept after ours for these.
const WITH_DETAIL = new Set<string>(['CONFLICT', 'NOT_FOUND', 'VALIDATION_FAILED']);

/** An error answered by the console's API, in the operator's language. */
export function PlatformError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : undefined;
  let text: string = t('platform.errors.generic');
  if (problem && isKnown(problem.code)) {
    text = t(`platform.errors.${problem.code}`, { seconds: problem.retryAfterSeconds ?? 60 });
    if (WITH_DETAIL.has(problem.code)) text = `${text} ${problem.detail}`;
  }
  return (
    <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      {text}
    </p>
  );
}
