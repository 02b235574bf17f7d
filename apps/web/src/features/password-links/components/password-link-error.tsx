import { RequestErrorMessage } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';

/** Why a request about a password link did not go through, in words the person can act on. */
export function PasswordLinkError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : undefined;
  let text;
  switch (code) {
    case 'PASSWORD_LINK_INVALID':
      text = t('passwordLinks.link.invalid');
      break;
    case 'PASSWORD_LINK_EXPIRED':
      text = t('passwordLinks.link.expired');
      break;
    case 'PASSWORD_LINK_USED':
      text = t('passwordLinks.link.used');
      break;
    case 'TENANT_SUSPENDED':
      text = t('signIn.errors.tenantSuspended');
      break;
    case 'USER_INACTIVE':
      text = t('passwordLinks.errors.userInactive');
      break;
    case 'USER_HAS_NO_EMAIL':
      text = t('passwordLinks.errors.noEmail');
      break;
    case 'TOO_MANY_ATTEMPTS':
      text = t('passwordLinks.errors.tooManyRequests');
      break;
    case 'VALIDATION_FAILED':
      text = t('signIn.errors.validation');
      break;
    default:
      text = (
        <>
          {t('passwordLinks.errors.failed')} <RequestErrorMessage error={error} />
        </>
      );
  }
  return (
    <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      {text}
    </p>
  );
}
