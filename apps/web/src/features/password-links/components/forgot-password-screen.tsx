import { passwordResetRequest } from '@ciao/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRIMARY_BUTTON, TextField } from '../../../components/text-field';
import { fieldErrorText, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { requestPasswordReset } from '../api/password-links-api';
import { PasswordLinkError } from './password-link-error';

const COMPANY_KEY = 'ciao.companyCode';

function rememberedCompanyCode(): string {
  try {
    return window.localStorage.getItem(COMPANY_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * `/forgot-password`: the company code and the login or e-mail address. The answer is the same
 * whether or not the account exists, and says so.
 */
export function ForgotPasswordScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const [values, setValues] = useState({ companyCode: rememberedCompanyCode(), login: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const request = useMutation({ mutationFn: requestPasswordReset });
  useDocumentTitle(`${t('passwordLinks.forgot.title')} — ciao`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = passwordResetRequest.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    request.mutate(parsed.data);
  };

  return (
    <section
      aria-labelledby={headingId}
      className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h1 id={headingId} className="text-2xl font-bold text-slate-900">
        {t('passwordLinks.forgot.title')}
      </h1>
      {request.isSuccess ? (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t('passwordLinks.forgot.sent')}
        </p>
      ) : (
        <>
          <p className="mt-2 text-slate-700">{t('passwordLinks.forgot.intro')}</p>
          {request.error && <PasswordLinkError error={request.error} />}
          <form noValidate onSubmit={submit} className="mt-4 space-y-4">
            <TextField
              label={t('signIn.companyCode')}
              name="companyCode"
              autoComplete="organization"
              autoCapitalize="characters"
              spellCheck={false}
              required
              value={values.companyCode}
              error={
                fieldErrors.companyCode
                  ? fieldErrorText(t, 'companyCode', fieldErrors.companyCode, values.companyCode)
                  : undefined
              }
              onChange={(event) => setValues({ ...values, companyCode: event.target.value })}
            />
            <TextField
              label={t('passwordLinks.forgot.login')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={values.login}
              error={
                fieldErrors.login ? fieldErrorText(t, 'login', fieldErrors.login, values.login) : undefined
              }
              onChange={(event) => setValues({ ...values, login: event.target.value })}
            />
            <button type="submit" disabled={request.isPending} className={`${PRIMARY_BUTTON} w-full`}>
              {request.isPending ? t('passwordLinks.forgot.sending') : t('passwordLinks.forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p className="mt-4">
        <Link to="/sign-in" className="font-medium text-brand-700 underline underline-offset-4">
          {t('passwordLinks.backToSignIn')}
        </Link>
      </p>
    </section>
  );
}
