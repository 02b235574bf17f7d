import { agentHistoryResponse } from '@ciao/domain';
import { formatDate, formatTime } from '@ciao/front-common';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../../components/api-error-text';
import { CARD, ERROR_BOX, SECONDARY_BUTTON } from '../../../components/ui';
import { api } from '../../../lib/api';
import { db, readCache, writeCache } from '../../../lib/local-db';
import { useLiveQuery } from '../../../lib/use-live-query';
import type { AgentSessionInfo, HistoryEvent } from '../../../lib/types';

/** The agent's registrations of the last 7 days (server), with those still on the phone on top. */
export function HistoryScreen({ session }: { session: AgentSessionInfo }) {
  const { t, i18n } = useTranslation();
  const [events, setEvents] = useState<HistoryEvent[]>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const key = `history:${session.agentId}`;
  const waiting = useLiveQuery(
    () =>
      db.events
        .where('agentId')
        .equals(session.agentId)
        .filter((event) => event.status !== 'sent')
        .toArray(),
    [session.agentId],
  );

  // State is only set after the answer, so that the effect below starts it without a cascade.
  const fetchHistory = useCallback(() => {
    api('/api/agent/v1/clock-events?days=7', agentHistoryResponse, { token: session.token })
      .then(async (answer) => {
        setError(undefined);
        setEvents(answer.events);
        await writeCache(key, answer.events);
      })
      .catch(async (caught: unknown) => {
        setError(caught);
        const cached = await readCache<HistoryEvent[]>(key);
        setEvents((current) => current ?? cached?.value);
      })
      .finally(() => setLoading(false));
  }, [key, session.token]);

  useEffect(fetchHistory, [fetchHistory]);

  const load = () => {
    setLoading(true);
    setError(undefined);
    fetchHistory();
  };

  const [openedAt] = useState(() => Date.now());
  const today = formatDate(openedAt, i18n.language);
  const groups = new Map<string, HistoryEvent[]>();
  for (const event of events ?? []) {
    const day = formatDate(Date.parse(event.deviceTime), i18n.language);
    groups.set(day, [...(groups.get(day) ?? []), event]);
  }

  return (
    <section className="flex flex-col gap-4" aria-labelledby="history-title">
      <div className="flex items-center justify-between gap-3">
        <h2 id="history-title" className="text-2xl font-bold text-slate-950">
          {t('history.title')}
        </h2>
        <button type="button" onClick={load} aria-disabled={loading} className={SECONDARY_BUTTON}>
          {loading ? t('tasks.refreshing') : t('tasks.refresh')}
        </button>
      </div>
      {error !== undefined && (
        <p role="alert" className={ERROR_BOX}>
          <ApiErrorText error={error} />
        </p>
      )}
      {waiting && waiting.length > 0 && (
        <div className={CARD}>
          <h3 className="text-lg font-bold">{t('history.onPhone')}</h3>
          <ul className="mt-2 flex flex-col gap-2">
            {waiting.map((event) => (
              <li key={event.id} className="text-base">
                <strong>
                  {formatTime(Date.parse(event.deviceTime), i18n.language)}{' '}
                  {t(`clock.actions.${event.action}`)}
                </strong>{' '}
                · {event.siteName} ·{' '}
                {event.status === 'pending'
                  ? t('registration.pending')
                  : t('registration.refused', { reason: event.message || event.code })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {events && events.length === 0 && <p className={CARD}>{t('history.empty')}</p>}
      {[...groups.entries()].map(([day, dayEvents]) => (
        <div key={day} className={CARD}>
          <h3 className="text-lg font-bold">{day === today ? t('history.today') : day}</h3>
          <ul className="mt-2 flex flex-col gap-2" data-testid="history-day">
            {dayEvents.map((event) => (
              <li key={event.id} className="text-base" data-testid="history-event" data-action={event.action}>
                <strong>
                  {formatTime(Date.parse(event.deviceTime), i18n.language)}{' '}
                  {t(`clock.actions.${event.action}`)}
                </strong>{' '}
                · {event.siteName}
                <br />
                {t('registration.sent')} ·{' '}
                {t(`onss.${event.onssStatus ?? 'none'}`, { defaultValue: t('onss.unknown') })}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
