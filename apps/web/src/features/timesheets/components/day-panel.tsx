import { formatDate, formatDateTime, formatTime, RequestErrorMessage } from '@ciao/front-common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { Notice } from '../../../components/list';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import type { WorkSessionView } from '../api/timesheets-api';
import { useDaySessions, useWorkSession } from '../hooks/use-timesheets';
import { formatDuration } from '../timesheet-grid';
import { CorrectionForm } from './correction-form';

/** One session: its registrations (arrival, breaks, departure), its figures and its corrections. */
function SessionCard({ session, canCorrect }: { session: WorkSessionView; canCorrect: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const detail = useWorkSession(session.id);
  const [correcting, setCorrecting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const { correction } = session;
  const time = (value: string | null) => (value ? formatTime(value, language) : t('timesheets.day.open'));

  return (
    <li className="space-y-3 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-semibold text-slate-900">
            {session.task.name} — {session.site.name}
          </p>
          <p className="text-slate-800">
            {t('timesheets.day.registered', {
              start: time(session.startedAt),
              end: time(session.endedAt),
              worked: formatDuration(session.workedSeconds),
              breaks: formatDuration(session.breakSeconds),
              count: session.breakCount,
            })}
          </p>
          {correction && (
            <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-1 font-medium text-amber-900">
              ✎{' '}
              {t('timesheets.day.corrected', {
                start: time(correction.startedAt ?? session.startedAt),
                end: time(correction.endedAt ?? session.endedAt),
                worked: formatDuration(correction.workedSeconds ?? session.workedSeconds),
                breaks: formatDuration(correction.breakSeconds ?? session.breakSeconds),
              })}
            </p>
          )}
        </div>
        {canCorrect && !correcting && (
          <button
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() => {
              setNotice(undefined);
              setCorrecting(true);
            }}
          >
            {t('timesheets.day.correct')}
          </button>
        )}
      </div>
      <Notice message={notice} />
      {correcting && (
        <CorrectionForm
          session={session}
          onDone={(saved) => {
            setCorrecting(false);
            if (saved) setNotice(t('timesheets.correction.saved'));
          }}
        />
      )}
      {detail.data && (
        <div className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <p className="font-semibold text-slate-800">{t('timesheets.day.events')}</p>
            <ul className="text-slate-800">
              {detail.data.events.map((event) => (
                <li key={event.id}>
                  {formatTime(event.deviceTime, language)} —{' '}
                  {t(`timesheets.actions.${event.action}`, { defaultValue: event.action })}
                </li>
              ))}
            </ul>
          </div>
          {detail.data.corrections.length > 0 && (
            <div>
              <p className="font-semibold text-slate-800">{t('timesheets.day.corrections')}</p>
              <ul className="text-slate-800">
                {detail.data.corrections.map((entry) => (
                  <li key={entry.id}>
                    {t('timesheets.day.correctionBy', {
                      who: entry.correctedBy,
                      at: formatDateTime(entry.at, language),
                    })}{' '}
                    « {entry.reason} »
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** An agent's day: every session with its times, breaks, figures and corrections. */
export function DayPanel({
  agentId,
  agentName,
  date,
  plannedSeconds,
  onClose,
}: {
  agentId: string;
  agentName: string;
  date: string;
  plannedSeconds: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const session = useSignedIn();
  const canCorrect = session.capabilities.includes('workSessions.correct');
  const sessions = useDaySessions(agentId, date);
  return (
    <section
      aria-labelledby="timesheet-day-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="timesheet-day-title" className="text-xl font-bold text-slate-900">
          {t('timesheets.day.title', { agent: agentName, date: formatDate(`${date}T12:00:00Z`, language) })}
        </h2>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {t('timesheets.day.close')}
        </button>
      </div>
      <p className="text-slate-700">
        {t('timesheets.day.planned', { planned: formatDuration(plannedSeconds) })}
      </p>
      {sessions.isError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={sessions.error} />
        </p>
      )}
      {sessions.data &&
        (sessions.data.items.length === 0 ? (
          <p className="text-slate-700">{t('timesheets.day.none')}</p>
        ) : (
          <ul className="space-y-3">
            {sessions.data.items.map((item) => (
              <SessionCard key={item.id} session={item} canCorrect={canCorrect} />
            ))}
          </ul>
        ))}
    </section>
  );
}
