import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { AppLayout } from '../../components/app-layout';
import { LanguageSwitch } from '../../components/language-switch';
import { signOut } from '../../features/auth/api/auth-api';
import { isSessionEnded, setSessionEndedHandler } from '../../lib/api';
import { signInPath } from '../../lib/safe-next';
import { menuFor } from '../navigation';
import type { NavigationItem } from '../navigation';
import { useSignedIn } from '../session-context';

function MainNav({ items, onNavigate }: { items: NavigationItem[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <ul className="space-y-1">
      {items.map((item) => (
        <li key={item.path}>
          <NavLink
            to={item.path}
            end={item.path === '/'}
            onClick={onNavigate}
            className={({ isActive }) =>
              `flex min-h-11 items-center rounded-md px-3 font-medium ${
                isActive ? 'bg-brand-700 text-white' : 'text-slate-800 hover:bg-brand-50'
              }`
            }
          >
            {t(`nav.${item.label}`)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The frame of signed-in pages: who and which company, the menu the role allows, sign-out. */
export function SignedInLayout() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const phoneMenuId = useId();
  const items = menuFor(session.capabilities);

  // Any call answering "session ended" brings the person back to sign in, then here again.
  useEffect(() => {
    setSessionEndedHandler(() => {
      const here = `${window.location.pathname}${window.location.search}`;
      void Promise.resolve(navigate(signInPath(here, { expired: true }), { replace: true })).then(() =>
        queryClient.clear(),
      );
    });
    return () => setSessionEndedHandler(undefined);
  }, [navigate, queryClient]);

  const leave = useMutation({
    mutationFn: signOut,
    onSettled: (_data, error) => {
      if (error && !isSessionEnded(error)) return;
      void Promise.resolve(navigate('/sign-in', { replace: true })).then(() => queryClient.clear());
    },
  });

  const headerEnd = (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <p className="text-sm leading-tight">
        <span className="block font-semibold" data-testid="company-name">
          {session.company.name}
        </span>
        <span className="block text-brand-100">
          {t('app.signedInAs', { name: session.user.displayName, role: t(`roles.${session.user.role}`) })}
        </span>
      </p>
      <LanguageSwitch />
      <button
        type="button"
        onClick={() => leave.mutate()}
        disabled={leave.isPending}
        className="inline-flex min-h-11 items-center rounded-md border border-white/70 px-3 font-semibold hover:bg-brand-800 focus-visible:outline-white disabled:opacity-70"
      >
        {leave.isPending ? t('app.signingOut') : t('app.signOut')}
      </button>
      <button
        type="button"
        aria-expanded={menuOpen}
        aria-controls={phoneMenuId}
        onClick={() => setMenuOpen((open) => !open)}
        className="inline-flex min-h-11 items-center rounded-md border border-white/70 px-3 font-semibold hover:bg-brand-800 focus-visible:outline-white md:hidden"
      >
        {menuOpen ? t('app.menuClose') : t('app.menuOpen')}
      </button>
    </div>
  );

  return (
    <AppLayout
      headerEnd={headerEnd}
      headerBelow={
        <>
          {leave.isError && (
            <p role="alert" className="bg-red-50 px-4 py-2 text-red-900">
              {t('app.signOutFailed')}
            </p>
          )}
          <nav
            id={phoneMenuId}
            aria-label={t('app.mainNav')}
            hidden={!menuOpen}
            className="border-t border-white/20 bg-white px-4 py-3 md:hidden"
          >
            <MainNav items={items} onNavigate={() => setMenuOpen(false)} />
          </nav>
        </>
      }
      sidebar={
        <nav aria-label={t('app.mainNav')} className="hidden w-56 shrink-0 md:block">
          <MainNav items={items} />
        </nav>
      }
    >
      {session.secondFactor.enrolmentRequired && (
        <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {t('app.enrolmentRequired')}
        </p>
      )}
      <Outlet />
    </AppLayout>
  );
}
