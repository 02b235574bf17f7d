import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PRIMARY_BUTTON, TextField } from '../../../components/text-field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { platformApi } from '../api/platform-api';
import { platformKeys } from '../hooks/use-platform';
import { PlatformError, PlatformFrame } from './platform-frame';

type Step = 'password' | 'code' | 'enrol';

function CodeField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('platform.signIn.code')}
      hint={t('platform.signIn.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\s/g, ''))}
    />
  );
}

/**
 * The operator's sign-in: e-mail and password, then the authenticator code. At the first sign-in
 * the authenticator is set up here (QR code, or the secret typed by hand): two-factor is required.
 */
/** What each step of the operator's sign-in asks for. */
const introByStep = {
  password: 'platform.signIn.intro',
  code: 'platform.signIn.codeIntro',
  enrol: 'platform.signIn.enrolIntro',
} as const;

export function PlatformSignInScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('platform.signIn.title'));
  const headingId = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [enrolment, setEnrolment] = useState<{ secret: string; qrCodeSvg: string }>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const done = (session: Awaited<ReturnType<typeof platformApi.secondFactor>>) => {
    queryClient.setQueryData(platformKeys.session, { operator: session.operator, stage: session.stage });
    void navigate('/platform', { replace: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (step === 'password') {
        const answer = await platformApi.signIn({ email, password });
        setPassword('');
        if (answer.stage === 'enrolment_required') {
          setEnrolment(await platformApi.startEnrolment());
          setStep('enrol');
        } else setStep('code');
      } else if (step === 'code') {
        done(await platformApi.secondFactor(code));
      } else {
        done(await platformApi.confirmEnrolment(code));
      }
    });
  };

  return (
    <PlatformFrame>
      <section aria-labelledby={headingId} className="mx-auto max-w-md space-y-4">
        <h1 id={headingId} className="text-2xl font-bold text-slate-900 sm:text-3xl">
          {t('platform.signIn.title')}
        </h1>
        <p className="text-slate-700">{t(introByStep[step])}</p>
        {failure !== undefined && <PlatformError error={failure} />}
        {step === 'enrol' && enrolment && (
          <div className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrCodeSvg)}`}
              alt={t('platform.signIn.qrAlt')}
              className="mx-auto size-48"
            />
            <p className="text-sm text-slate-700">{t('platform.signIn.secretLabel')}</p>
            <p className="font-mono break-all text-slate-900 select-all" data-testid="operator-totp-secret">
              {enrolment.secret}
            </p>
          </div>
        )}
        <form noValidate onSubmit={submit} className="space-y-4">
          {step === 'password' ? (
            <>
              <TextField
                label={t('platform.signIn.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
              <TextField
                label={t('platform.signIn.password')}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </>
          ) : (
            <CodeField value={code} onChange={setCode} />
          )}
          <button type="submit" className={PRIMARY_BUTTON} disabled={busy}>
            {step === 'password' ? t('platform.signIn.continue') : t('platform.signIn.submit')}
          </button>
        </form>
      </section>
    </PlatformFrame>
  );
}
