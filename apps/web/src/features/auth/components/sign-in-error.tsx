import { RequestErrorMessage } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';

/** Why signing in did not work, in words the person can act on. */
export function SignInError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return <>{t('signIn.errors.unknown')}</>;
  if (error.kind !== 'http') {
    return (
      <>
        {t('signIn.errors.unreachable')} <RequestErrorMessage error={error} />
      </>
    );
  }
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return <>{t('signIn.errors.invalidCredentials')}</>;
    case 'NO_BACK_OFFICE_ACCESS':
      return <>{t('signIn.errors.noBackOfficeAccess')}</>;
    case 'TENANT_SUSPENDED':
      return <>{t('signIn.errors.tenantSuspended')}</>;
    case 'TOO_MANY_ATTEMPTS': {
      const seconds = error.problem?.retryAfterSeconds;
      return seconds === undefined ? (
        <>{t('signIn.errors.tooManyAttemptsLater')}</>
      ) : (
        <>{t('signIn.errors.tooManyAttempts', { count: Math.max(1, Math.ceil(seconds)) })}</>
      );
    }
    case 'SECOND_FACTOR_INVALID':
      return <>{t('signIn.errors.secondFactorInvalid')}</>;
    case 'SESSION_EXPIRED':
    case 'UNAUTHENTICATED':
      return <>{t('signIn.errors.pendingExpired')}</>;
    case 'VALIDATION_FAILED':
      return <>{t('signIn.errors.validation')}</>;
    default:
      return <RequestErrorMessage error={error} />;
  }
}
