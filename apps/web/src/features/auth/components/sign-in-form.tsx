import { secondFactorRequest, webSignInRequest } from '@ciao/domain';
import type { SessionInfo } from '@ciao/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { fieldErrorText, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { completeSecondFactor, signIn } from '../api/auth-api';
import type { SignInAnswer } from '../api/auth-api';
import { SignInError } from './sign-in-error';

const COMPANY_KEY = 'ciao.companyCode';

function readCompanyCode(): string {
  try {
    return window.localStorage.getItem(COMPANY_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveCompanyCode(code: string): void {
  try {
    window.localStorage.setItem(COMPANY_KEY, code);
  } catch {
    // Storage disabled: the person types the code again next time.
  }
}

/**
 * The back-office sign-in: company code, login and password, then the authenticator code when
 * the account has two-factor sign-in. The company code is remembered on this device.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [step, setStep] = useState<'password' | 'second-factor'>('password');
  const [values, setValues] = useState({ companyCode: readCompanyCode(), login: '', password: '' });
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const handleAnswer = (answer: SignInAnswer) => {
    if (answer.status === 'signed_in') onSignedIn(answer.session);
    else {
      setStep('second-factor');
      setFieldErrors({});
    }
  };

  const passwordStep = useMutation({
    mutationFn: signIn,
    onSuccess: (answer, sent) => {
      saveCompanyCode(sent.companyCode);
      handleAnswer(answer);
    },
  });
  const secondStep = useMutation({ mutationFn: completeSecondFactor, onSuccess: handleAnswer });

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    const parsed = webSignInRequest.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    passwordStep.mutate(parsed.data);
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const parsed = secondFactorRequest.safeParse({ code });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    secondStep.mutate(parsed.data.code);
  };

  const errorOf = (field: 'companyCode' | 'login' | 'password' | 'code', value: string) => {
    const fieldCode = fieldErrors[field];
    if (!fieldCode) return undefined;
    if (field === 'code') return t('signIn.codeInvalid');
    return fieldErrorText(t, field, fieldCode, value);
  };

  const failure = step === 'password' ? passwordStep.error : secondStep.error;
  const pending = passwordStep.isPending || secondStep.isPending;

  return (
    <section
      aria-labelledby={headingId}
      className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h1 id={headingId} className="text-2xl font-bold text-slate-900">
        {step === 'password' ? t('signIn.title') : t('signIn.secondFactorTitle')}
      </h1>

      {failure && (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <SignInError error={failure} />
        </p>
      )}

      {step === 'password' ? (
        <form noValidate onSubmit={submitPassword} className="mt-4 space-y-4">
          <TextField
            label={t('signIn.companyCode')}
            hint={t('signIn.companyCodeHint')}
            name="companyCode"
            autoComplete="organization"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={values.companyCode}
            error={errorOf('companyCode', values.companyCode)}
            onChange={(event) => setValues({ ...values, companyCode: event.target.value })}
          />
          <TextField
            label={t('signIn.login')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.login}
            error={errorOf('login', values.login)}
            onChange={(event) => setValues({ ...values, login: event.target.value })}
          />
          <TextField
            label={t('signIn.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={values.password}
            error={errorOf('password', values.password)}
            onChange={(event) => setValues({ ...values, password: event.target.value })}
          />
          <button type="submit" disabled={pending} className={`${PRIMARY_BUTTON} w-full`}>
            {passwordStep.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
          <p>
            <Link to="/forgot-password" className="font-medium text-brand-700 underline underline-offset-4">
              {t('passwordLinks.forgotLink')}
            </Link>
          </p>
        </form>
      ) : (
        <form noValidate onSubmit={submitCode} className="mt-4 space-y-4">
          <p className="text-slate-700">{t('signIn.secondFactorHelp')}</p>
          <TextField
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            name="one-time-code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={code}
            error={errorOf('code', code)}
            onChange={(event) => setCode(event.target.value)}
          />
          <div className="flex flex-wrap gap-3">
            <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
              {secondStep.isPending ? t('signIn.verifying') : t('signIn.verify')}
            </button>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              onClick={() => {
                setStep('password');
                setCode('');
                secondStep.reset();
                passwordStep.reset();
              }}
            >
              {t('signIn.back')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
