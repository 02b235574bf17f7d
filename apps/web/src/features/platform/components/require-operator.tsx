import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useNavigate } from 'react-router';
import { platformApi } from '../api/platform-api';
import { useOperatorSession } from '../hooks/use-platform';
import { PlatformFrame } from './platform-frame';

/** The console's signed-in screens: a fully signed-in operator (second factor done), else the sign-in. */
export function RequireOperator() {
  const { t } = useTranslation();
  const session = useOperatorSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (session.isPending) {
    return (
      <PlatformFrame>
        <p role="status">{t('list.loading')}</p>
      </PlatformFrame>
    );
  }
  if (!session.data || session.data.stage !== 'signed_in') return <Navigate to="/platform/sign-in" replace />;
  const signOut = async () => {
    await platformApi.signOut().catch(() => undefined);
    queryClient.removeQueries({ queryKey: ['platform'] });
    void navigate('/platform/sign-in', { replace: true });
  };
  return (
    <PlatformFrame signedIn={{ email: session.data.operator.email, onSignOut: () => void signOut() }}>
      <Outlet />
    </PlatformFrame>
  );
}
