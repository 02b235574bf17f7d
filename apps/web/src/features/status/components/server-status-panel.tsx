import { ServerStateNotice, StatusIcon, formatTime, useServerStatus } from '@ciao/front-common';
import type { ServerStateNoticeStyles } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const NOTICE: ServerStateNoticeStyles = {
  box: 'mt-4 rounded-md border p-3',
  headline: 'flex items-center gap-2 font-semibold',
  icon: 'size-6',
  reason: 'mt-1 text-sm',
  tones: {
    ready: 'border-green-300 bg-green-50 text-green-900',
    'not-ready': 'border-amber-300 bg-amber-50 text-amber-950',
    unreachable: 'border-red-300 bg-red-50 text-red-900',
    checking: 'border-slate-300 bg-slate-50 text-slate-800',
  },
};

// The back-office stays open for hours: once a minute is enough to notice an outage.
const HEALTH_POLL_MS = 60_000;

/** Whether the API server answers, whether it is ready, and which version it runs. */
export function ServerStatusPanel() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { state, meta, isChecking, lastChecked, checkAgain } = useServerStatus({
    pollIntervalMs: HEALTH_POLL_MS,
  });

  const reachable = {
    checking: t('status.unknown'),
    ready: t('status.yes'),
    'not-ready': t('status.yes'),
    unreachable: t('status.no'),
  }[state.kind];

  const ready = {
    checking: t('status.unknown'),
    ready: t('status.yes'),
    'not-ready': t('status.no'),
    unreachable: t('status.unknown'),
  }[state.kind];

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('status.title')}
      </h2>

      <ServerStateNotice state={state} styles={NOTICE} />

      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium text-slate-600">{t('status.reachable')}</dt>
        <dd>{reachable}</dd>
        <dt className="font-medium text-slate-600">{t('status.readiness')}</dt>
        <dd>{ready}</dd>
        <dt className="font-medium text-slate-600">{t('status.version')}</dt>
        <dd>{meta?.version ?? t('status.unknown')}</dd>
        <dt className="font-medium text-slate-600">{t('status.lastChecked')}</dt>
        <dd>{lastChecked > 0 ? formatTime(lastChecked, i18n.language, { seconds: true }) : '—'}</dd>
      </dl>

      {(state.kind === 'ready' || state.kind === 'not-ready') && state.checks.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('status.checksTitle')}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {state.checks.map((check) => (
              <li key={check.name} className="flex items-center gap-2">
                <StatusIcon kind={check.passed ? 'ready' : 'unreachable'} className="size-4" />
                <span>
                  {t('status.checkLine', {
                    name: check.name === 'database' ? t('status.checkDatabase') : check.name,
                    result: check.passed ? t('status.checkOk') : t('status.checkFailed'),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      <button
        type="button"
        onClick={checkAgain}
        aria-disabled={isChecking}
        className="mt-5 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 aria-disabled:cursor-wait aria-disabled:opacity-80"
      >
        {isChecking ? t('status.retrying') : t('status.retry')}
      </button>
    </section>
  );
}
