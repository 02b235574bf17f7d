import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from '../components/app-layout';
import { LanguageSwitch } from '../components/language-switch';
import { useSessionQuery } from '../features/auth/hooks/use-session';
import { isSessionEnded, problemCode } from '../lib/api';
import { signInPath } from '../lib/safe-next';
import { ServerUnreachable } from './routes/server-unreachable';
import { SessionContext } from './session-context';

/**
 * The guard of every signed-in page: not signed in -> the sign-in page, which comes back here
 * afterwards; server unreachable -> a page that says so, with a retry.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const location = useLocation();

  if (session.data) {
    return (
      <SessionContext value={session.data}>
        <Outlet />
      </SessionContext>
    );
  }

  if (session.isError && isSessionEnded(session.error)) {
    const here = `${location.pathname}${location.search}`;
    return (
      <Navigate
        replace
        to={signInPath(here, { expired: problemCode(session.error) === 'SESSION_EXPIRED' })}
      />
    );
  }

  return (
    <AppLayout headerEnd={<LanguageSwitch />}>
      {session.isError ? (
        <ServerUnreachable
          error={session.error}
          retrying={session.isFetching}
          onRetry={() => void session.refetch()}
        />
      ) : (
        <p role="status" className="text-slate-700">
          {t('app.loadingSession')}
        </p>
      )}
    </AppLayout>
  );
}
