import { activationResponse } from '@ciao/domain';
import type { ActivationResponse } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../../components/api-error-text';
import { CARD, ERROR_BOX, INPUT, PRIMARY_BUTTON } from '../../../components/ui';
import { api } from '../../../lib/api';
import { devicePlatform, installationId } from '../../../lib/session-store';

/** First launch: the company's licence code turns this phone into one of its devices. */
export function ActivationScreen({
  notice,
  onActivated,
}: {
  notice?: string;
  onActivated: (answer: ActivationResponse) => void;
}) {
  const { t } = useTranslation();
  const codeId = useId();
  const hintId = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const codes: Record<string, string> = {
    LICENCE_INVALID: t('activation.codes.LICENCE_INVALID'),
    LICENCE_EXPIRED: t('activation.codes.LICENCE_EXPIRED'),
    LICENCE_REVOKED: t('activation.codes.LICENCE_REVOKED'),
    LICENCE_DEVICE_LIMIT: t('activation.codes.LICENCE_DEVICE_LIMIT'),
    TENANT_SUSPENDED: t('activation.codes.TENANT_SUSPENDED'),
    TOO_MANY_ATTEMPTS: t('activation.codes.TOO_MANY_ATTEMPTS'),
    VALIDATION_FAILED: t('activation.codes.VALIDATION_FAILED'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api('/api/agent/v1/activation', activationResponse, {
        method: 'POST',
        body: {
          licenceCode: code,
          installationId: installationId(),
          platform: devicePlatform(),
          appVersion: __APP_VERSION__,
        },
      });
      onActivated(answer);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className={`${CARD} flex flex-col gap-4`} noValidate>
      <h2 className="text-2xl font-bold text-slate-950">{t('activation.title')}</h2>
      {notice && <p className={ERROR_BOX}>{notice}</p>}
      <p className="text-lg">{t('activation.intro')}</p>
      <div>
        <label htmlFor={codeId} className="text-lg font-semibold">
          {t('activation.codeLabel')}
        </label>
        <input
          id={codeId}
          aria-describedby={hintId}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          className={`${INPUT} font-mono uppercase`}
          placeholder={t('activation.codeExample')}
        />
        <p id={hintId} className="mt-2 text-base text-slate-700">
          {t('activation.where')}
        </p>
      </div>
      {error !== undefined && (
        <p role="alert" className={ERROR_BOX}>
          <ApiErrorText error={error} codes={codes} />
        </p>
      )}
      <button type="submit" className={PRIMARY_BUTTON} aria-disabled={busy} disabled={code.trim() === ''}>
        {busy ? t('activation.submitting') : t('activation.submit')}
      </button>
    </form>
  );
}
