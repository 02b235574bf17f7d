import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch';
import { CARD, PRIMARY_BUTTON, WARNING_BOX } from '../../../components/ui';
import { db } from '../../../lib/local-db';
import type { AgentSessionInfo } from '../../../lib/types';
import { useLiveQuery } from '../../../lib/use-live-query';

/** Language, privacy notice, versions, sign-out. */
export function SettingsScreen({
  session,
  onSignOut,
  serverStatus,
}: {
  session: AgentSessionInfo;
  onSignOut: () => Promise<void>;
  /** The server status card, composed by the app. */
  serverStatus: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const waiting = useLiveQuery(
    () => db.events.where({ agentId: session.agentId, status: 'pending' }).count(),
    [session.agentId],
  );

  return (
    <section className="flex flex-col gap-4" aria-labelledby="settings-title">
      <h2 id="settings-title" className="text-2xl font-bold text-slate-950">
        {t('settings.title')}
      </h2>
      <div className={CARD}>
        <p className="text-lg font-bold">{session.name}</p>
        {session.company && <p className="text-base">{t('signIn.company', session.company)}</p>}
        {waiting !== undefined && waiting > 0 && (
          <p className={`${WARNING_BOX} mt-3`}>{t('settings.waitingBeforeSignOut', { count: waiting })}</p>
        )}
        <button
          type="button"
          className={`${PRIMARY_BUTTON} mt-3`}
          aria-disabled={busy}
          onClick={() => {
            if (busy) return;
            setBusy(true);
            void onSignOut().finally(() => setBusy(false));
          }}
        >
          {busy ? t('settings.signingOut') : t('settings.signOut')}
        </button>
      </div>
      <LanguageSwitch />
      <details className={CARD}>
        <summary className="min-h-12 cursor-pointer py-2 text-lg font-bold">
          {t('settings.privacyTitle')}
        </summary>
        <p className="mt-2 text-base">{t('settings.privacy')}</p>
      </details>
      {serverStatus}
      <p className="text-base text-slate-700">{t('app.version', { version: __APP_VERSION__ })}</p>
    </section>
  );
}
