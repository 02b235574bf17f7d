import { agentSignInResponse } from '@ciao/domain';
import type { AgentSignInResponse } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../../components/api-error-text';
import { CARD, ERROR_BOX, INPUT, PRIMARY_BUTTON } from '../../../components/ui';
import { ApiError, api } from '../../../lib/api';

/** `IDENTIFIER@COMPANY` and the mobile password, on an activated phone. */
export function SignInScreen({
  deviceToken,
  company,
  notice,
  onSignedIn,
  onDeviceRevoked,
}: {
  deviceToken: string;
  company: { code: string; name: string } | undefined;
  notice?: string;
  onSignedIn: (answer: AgentSignInResponse) => void;
  onDeviceRevoked: () => void;
}) {
  const { t } = useTranslation();
  const loginId = useId();
  const passwordId = useId();
  const hintId = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const companyCode = company?.code ?? 'SOCIÉTÉ';
  const fallbackExample = `TEST@${companyCode}`;
  const example =
    error instanceof ApiError && typeof error.problem?.example === 'string'
      ? error.problem.example
      : fallbackExample;

  const codes: Record<string, string> = {
    MOBILE_LOGIN_FORMAT: t('signIn.codes.MOBILE_LOGIN_FORMAT', { company: companyCode, example }),
    MOBILE_COMPANY_MISMATCH: t('signIn.codes.MOBILE_COMPANY_MISMATCH', { company: companyCode, example }),
    AGENT_NO_APP_ACCESS: t('signIn.codes.AGENT_NO_APP_ACCESS'),
    AGENT_INACTIVE: t('signIn.codes.AGENT_INACTIVE'),
    INVALID_CREDENTIALS: t('signIn.codes.INVALID_CREDENTIALS'),
    TOO_MANY_ATTEMPTS: t('signIn.codes.TOO_MANY_ATTEMPTS'),
    TENANT_SUSPENDED: t('signIn.codes.TENANT_SUSPENDED'),
    VALIDATION_FAILED: t('signIn.codes.VALIDATION_FAILED'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api('/api/agent/v1/sign-in', agentSignInResponse, {
        method: 'POST',
        body: { login, password },
        token: deviceToken,
      });
      onSignedIn(answer);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'DEVICE_REVOKED') {
        onDeviceRevoked();
        return;
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className={`${CARD} flex flex-col gap-4`} noValidate>
      <h2 className="text-2xl font-bold text-slate-950">{t('signIn.title')}</h2>
      {company && <p className="text-base text-slate-700">{t('signIn.company', company)}</p>}
      {notice && <p className={ERROR_BOX}>{notice}</p>}
      <div>
        <label htmlFor={loginId} className="text-lg font-semibold">
          {t('signIn.loginLabel')}
        </label>
        <input
          id={loginId}
          aria-describedby={hintId}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          autoCapitalize="characters"
          autoComplete="username"
          spellCheck={false}
          className={INPUT}
          placeholder={`IDENTIFIANT@${companyCode}`}
        />
        <p id={hintId} className="mt-2 text-base text-slate-700">
          {t('signIn.loginHint', { company: companyCode, example: fallbackExample })}
        </p>
      </div>
      <div>
        <label htmlFor={passwordId} className="text-lg font-semibold">
          {t('signIn.passwordLabel')}
        </label>
        <input
          id={passwordId}
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          className={INPUT}
        />
      </div>
      {error !== undefined && (
        <p role="alert" className={ERROR_BOX}>
          <ApiErrorText error={error} codes={codes} />
        </p>
      )}
      <button
        type="submit"
        className={PRIMARY_BUTTON}
        aria-disabled={busy}
        disabled={!login.trim() || !password}
      >
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
