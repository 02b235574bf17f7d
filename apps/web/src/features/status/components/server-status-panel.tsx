import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestErrorMessage } from '../../../components/request-error-message';
import { formatTime } from '../../../i18n/format';
import { deriveServerState, useHealthReady, useMeta } from '../hooks/use-server-status';
import type { ServerState } from '../hooks/use-server-status';
import { StatusIcon } from './status-icon';

const TONES: Record<ServerState['kind'], string> = {
  ready: 'border-green-300 bg-green-50 text-green-900',
  'not-ready': 'border-amber-300 bg-amber-50 text-amber-950',
  unreachable: 'border-red-300 bg-red-50 text-red-900',
  checking: 'border-slate-300 bg-slate-50 text-slate-800',
};

/** Whether the API server answers, whether it is ready, and which version it runs. */
export function ServerStatusPanel() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const health = useHealthReady();
  const meta = useMeta();
  const state = deriveServerState(health);
  const isChecking = health.isFetching || meta.isFetching;
  const lastChecked = Math.max(health.dataUpdatedAt, health.errorUpdatedAt);

  const headline = {
    checking: t('status.checking'),
    ready: t('status.ready'),
    'not-ready': t('status.notReady'),
    unreachable: t('status.unreachable'),
  }[state.kind];

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

  const checkAgain = () => {
    if (isChecking) return;
    void health.refetch();
    void meta.refetch();
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('status.title')}
      </h2>

      <div role="status" className={`mt-4 rounded-md border p-3 ${TONES[state.kind]}`}>
        <p className="flex items-center gap-2 font-semibold">
          <StatusIcon kind={state.kind} />
          {headline}
        </p>
        {state.kind === 'unreachable' && (
          <p className="mt-1 text-sm">
            <RequestErrorMessage error={state.error} />
          </p>
        )}
      </div>

      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium text-slate-600">{t('status.reachable')}</dt>
        <dd>{reachable}</dd>
        <dt className="font-medium text-slate-600">{t('status.readiness')}</dt>
        <dd>{ready}</dd>
        <dt className="font-medium text-slate-600">{t('status.version')}</dt>
        <dd>{meta.data?.version ?? t('status.unknown')}</dd>
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
