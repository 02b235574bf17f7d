import { WEB_PASSWORD_MIN_LENGTH } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PRIMARY_BUTTON, TextField } from '../../../components/text-field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { platformApi } from '../api/platform-api';
import { PlatformError, PlatformFrame } from './platform-frame';

/** `/platform/set-password?token=…`: a new operator chooses a password with the link of `operator:create`. */
export function PlatformSetPasswordScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('platform.setPassword.title'));
  const headingId = useId();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < WEB_PASSWORD_MIN_LENGTH) {
      setError(t('platform.setPassword.tooShort', { min: WEB_PASSWORD_MIN_LENGTH }));
      return;
    }
    if (password !== confirmation) {
      setError(t('platform.setPassword.mismatch'));
      return;
    }
    setError(undefined);
    platformApi.setPassword(token, password).then(
      () => setDone(true),
      (caught: unknown) => setFailure(caught),
    );
  };

  return (
    <PlatformFrame>
      <section aria-labelledby={headingId} className="mx-auto max-w-md space-y-4">
        <h1 id={headingId} className="text-2xl font-bold text-slate-900">
          {t('platform.setPassword.title')}
        </h1>
        {done ? (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            {t('platform.setPassword.done')}{' '}
            <Link to="/platform/sign-in" className="font-semibold underline">
              {t('platform.setPassword.signIn')}
            </Link>
          </p>
        ) : (
          <>
            {failure !== undefined && <PlatformError error={failure} />}
            <form noValidate onSubmit={submit} className="space-y-4">
              <TextField
                label={t('platform.setPassword.password')}
                hint={t('platform.setPassword.hint', { min: WEB_PASSWORD_MIN_LENGTH })}
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={error}
              />
              <TextField
                label={t('platform.setPassword.confirmation')}
                type="password"
                autoComplete="new-password"
                required
                value={confirmation}
                onChange={(event) => setConfirmation(event.target.value)}
              />
              <button type="submit" className={PRIMARY_BUTTON}>
                {t('platform.setPassword.submit')}
              </button>
            </form>
          </>
        )}
      </section>
    </PlatformFrame>
  );
}
