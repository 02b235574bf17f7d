import { WEB_PASSWORD_MIN_LENGTH, webPassword } from '@ciao/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PRIMARY_BUTTON, TextField } from '../../../components/text-field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { completePasswordLink, lookUpPasswordLink } from '../api/password-links-api';
import { PasswordLinkError } from './password-link-error';

const LINK_CLASS = 'font-medium text-brand-700 underline underline-offset-4';

/**
 * `/set-password?token=…`: the page of invitation and reset links. It first says whose link it is
 * and whether it still works (expired and used links say so, with the way out), then the form.
 */
export function SetPasswordScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const link = useQuery({
    queryKey: ['password-link', token],
    queryFn: ({ signal }) => lookUpPasswordLink(token, signal),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
  const complete = useMutation({ mutationFn: completePasswordLink });
  const invitation = link.data?.purpose === 'invitation';
  useDocumentTitle(
    `${invitation ? t('passwordLinks.set.invitationTitle') : t('passwordLinks.set.resetTitle')} — ciao`,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!webPassword.safeParse(password).success)
      problems.password = t('fields.passwordTooShort', { min: WEB_PASSWORD_MIN_LENGTH });
    else if (password !== confirmation) problems.confirmation = t('passwordLinks.set.mismatch');
    setErrors(problems);
    if (Object.keys(problems).length === 0) complete.mutate({ token, password });
  };

  let body;
  if (token === '' || link.isError) {
    body = (
      <>
        {token === '' ? (
          <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            {t('passwordLinks.link.invalid')}
          </p>
        ) : (
          <PasswordLinkError error={link.error} />
        )}
        <p className="mt-4">
          <Link to="/forgot-password" className={LINK_CLASS}>
            {t('passwordLinks.link.askNew')}
          </Link>
        </p>
      </>
    );
  } else if (link.isPending) {
    body = (
      <p role="status" className="mt-4 text-slate-600">
        {t('passwordLinks.set.checking')}
      </p>
    );
  } else if (complete.isSuccess) {
    body = (
      <>
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t('passwordLinks.set.done', { login: link.data.login, company: link.data.companyCode })}
        </p>
        <p className="mt-4">
          <Link to="/sign-in" className={`${PRIMARY_BUTTON} inline-flex items-center`}>
            {t('passwordLinks.set.signIn')}
          </Link>
        </p>
      </>
    );
  } else if (link.data.status !== 'valid') {
    body = (
      <>
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {link.data.status === 'used' ? t('passwordLinks.link.used') : t('passwordLinks.link.expired')}
        </p>
        <p className="mt-4">
          {invitation ? (
            <span className="text-slate-700">{t('passwordLinks.link.askAdministrator')}</span>
          ) : (
            <Link to="/forgot-password" className={LINK_CLASS}>
              {t('passwordLinks.link.askNew')}
            </Link>
          )}
        </p>
      </>
    );
  } else {
    body = (
      <>
        <p className="mt-2 text-slate-700">
          {t('passwordLinks.set.intro', { name: link.data.displayName, company: link.data.companyName })}
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-slate-800">
          <dt className="font-medium">{t('signIn.companyCode')}</dt>
          <dd>{link.data.companyCode}</dd>
          <dt className="font-medium">{t('signIn.login')}</dt>
          <dd>{link.data.login}</dd>
        </dl>
        {complete.error && <PasswordLinkError error={complete.error} />}
        <form noValidate onSubmit={submit} className="mt-4 space-y-4">
          {/* For password managers: the account the new password belongs to. */}
          <input type="hidden" name="username" autoComplete="username" value={link.data.login} />
          <TextField
            label={t('passwordLinks.set.password')}
            hint={t('fields.passwordTooShort', { min: WEB_PASSWORD_MIN_LENGTH })}
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <TextField
            label={t('passwordLinks.set.confirmation')}
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            error={errors.confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
          <button type="submit" disabled={complete.isPending} className={`${PRIMARY_BUTTON} w-full`}>
            {complete.isPending ? t('passwordLinks.set.saving') : t('passwordLinks.set.submit')}
          </button>
        </form>
      </>
    );
  }

  return (
    <section
      aria-labelledby={headingId}
      className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h1 id={headingId} className="text-2xl font-bold text-slate-900">
        {invitation ? t('passwordLinks.set.invitationTitle') : t('passwordLinks.set.resetTitle')}
      </h1>
      {body}
    </section>
  );
}
