import { ServerStateNotice, formatTime, useServerStatus } from '@ciao/front-common';
import type { ServerStateNoticeStyles } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppOutdated } from '../../../lib/version';

// Large type and strong borders: read at a glance on a phone, often outdoors.
const NOTICE: ServerStateNoticeStyles = {
  box: 'mt-3 rounded-lg border-2 p-4',
  headline: 'flex items-center gap-3 text-xl font-bold',
  icon: 'size-9',
  reason: 'mt-2 text-base',
  tones: {
    ready: 'border-green-700 bg-green-50 text-green-900',
    'not-ready': 'border-amber-500 bg-amber-50 text-slate-950',
    unreachable: 'border-red-700 bg-red-50 text-red-900',
    checking: 'border-slate-400 bg-slate-50 text-slate-900',
  },
};

// Agents look at this screen briefly and often: check more often than the back-office does.
const HEALTH_POLL_MS = 30_000;

/** Whether the server answers and is ready, and whether it still accepts this app version. */
export function ServerStatusCard() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { state, meta, isChecking, lastChecked, checkAgain } = useServerStatus({
    pollIntervalMs: HEALTH_POLL_MS,
  });

  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id={headingId} className="text-lg font-bold text-slate-900">
        {t('status.title')}
      </h2>

      <ServerStateNotice state={state} styles={NOTICE} />

      {isAppOutdated(__APP_VERSION__, meta) && (
        <p className="mt-3 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-base font-medium text-red-900">
          {t('status.outdated', { version: __APP_VERSION__, minimum: meta?.minimumAgentAppVersion })}
        </p>
      )}

      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-base">
        <dt className="text-slate-700">{t('status.version')}</dt>
        <dd className="font-semibold">{meta?.version ?? t('status.unknown')}</dd>
        <dt className="text-slate-700">{t('status.lastChecked')}</dt>
        <dd className="font-semibold">
          {lastChecked > 0 ? formatTime(lastChecked, i18n.language, { seconds: true }) : '—'}
        </dd>
      </dl>

      <button
        type="button"
        onClick={checkAgain}
        aria-disabled={isChecking}
        className="mt-4 min-h-14 w-full rounded-lg bg-brand-700 px-4 text-lg font-bold text-white hover:bg-brand-800 aria-disabled:cursor-wait aria-disabled:opacity-80"
      >
        {isChecking ? t('status.retrying') : t('status.retry')}
      </button>
    </section>
  );
}
