import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD, ERROR_BOX, PRIMARY_BUTTON } from '../../../components/ui';
import { UPDATE_CHECK_TIMEOUT_MS, updateApp } from '../lib/update-app';

/**
 * Shown instead of the app when the server no longer accepts this version (`/api/meta`
 * minimumAgentAppVersion): explains how to update, and offers to check for the update now.
 */
export function UpdateRequiredScreen({ minimum }: { minimum: string }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<'idle' | 'checking' | 'failed'>('idle');

  function check() {
    if (phase === 'checking') return;
    setPhase('checking');
    updateApp(() => window.location.reload()).catch((error: unknown) => {
      console.warn('App update check failed', error);
      setPhase('failed');
    });
  }

  return (
    <section aria-labelledby="update-required-title" className={`${CARD} flex flex-col gap-3`}>
      <h2 id="update-required-title" className="text-2xl font-bold text-slate-950">
        {t('update.required.title')}
      </h2>
      <p className="text-lg text-slate-900">
        {t('update.required.explanation', { version: __APP_VERSION__, minimum })}
      </p>
      <p className="text-lg text-slate-900">{t('update.required.howTo')}</p>
      <button type="button" onClick={check} aria-disabled={phase === 'checking'} className={PRIMARY_BUTTON}>
        {phase === 'checking'
          ? t('update.required.checking', { seconds: UPDATE_CHECK_TIMEOUT_MS / 1000 })
          : t('update.required.check')}
      </button>
      {phase === 'failed' && (
        <p role="alert" className={ERROR_BOX}>
          {t('update.required.failed')}
        </p>
      )}
    </section>
  );
}
