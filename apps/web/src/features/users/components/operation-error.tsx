import { RequestErrorMessage } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';

/** Why a change to a user did not go through. */
export function OperationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : undefined;
  let text;
  if (code === 'CANNOT_CHANGE_OWN_ACCESS') text = t('users.actions.cannotChangeOwn');
  else if (code === 'NOT_FOUND') text = t('users.actions.notFound');
  else if (code === 'VALIDATION_FAILED') text = t('signIn.errors.validation');
  else
    text = (
      <>
        {t('users.actions.failed')} <RequestErrorMessage error={error} />
      </>
    );
  return (
    <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      {text}
    </p>
  );
}
