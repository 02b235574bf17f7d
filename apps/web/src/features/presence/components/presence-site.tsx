import type { ExpectedAgentView, PresentAgentView } from '@ciao/domain';
import { formatTime } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { elapsed, type SiteGroup } from '../presence-board';

const stateBadge = {
  working: 'bg-green-100 text-green-900 border-green-300',
  on_break: 'bg-amber-100 text-amber-900 border-amber-300',
} as const;

const statusBadge = {
  upcoming: 'bg-slate-100 text-slate-800 border-slate-300',
  awaited: 'bg-sky-100 text-sky-900 border-sky-300',
  no_show: 'bg-red-100 text-red-900 border-red-300',
} as const;

function Badge({ className, children }: { className: string; children: string }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${className}`}>
      {children}
    </span>
  );
}

function AgentName({ agent }: { agent: PresentAgentView['agent'] }) {
  return (
    <>
      <span className="font-medium text-slate-900">
        {agent.firstName} {agent.lastName}
      </span>{' '}
      <span className="text-slate-600">{agent.identifier}</span>
    </>
  );
}

function PresentRow({ row, now }: { row: PresentAgentView; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const { hours, minutes } = elapsed(row.since, now);
  const duration =
    hours > 0
      ? t('presence.duration.hoursMinutes', { hours, minutes: String(minutes).padStart(2, '0') })
      : t('presence.duration.minutes', { minutes });
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
      <span>
        <AgentName agent={row.agent} />
        <span className="block text-sm text-slate-600">{row.task.name}</span>
      </span>
      <span className="text-right">
        <Badge className={stateBadge[row.state]}>{t(`presence.state.${row.state}`)}</Badge>
        <span className="block text-sm text-slate-700">
          {t('presence.since', { time: formatTime(row.since, language), duration })}
        </span>
      </span>
    </li>
  );
}

function ExpectedRow({ row }: { row: ExpectedAgentView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
      <span>
        <AgentName agent={row.agent} />
        <span className="block text-sm text-slate-600">{row.task.name}</span>
      </span>
      <span className="text-right">
        <Badge className={statusBadge[row.status]}>{t(`presence.status.${row.status}`)}</Badge>
        <span className="block text-sm text-slate-700">
          {t('presence.planned', {
            start: formatTime(row.plannedStart, language),
            end: formatTime(row.plannedEnd, language),
          })}
        </span>
      </span>
    </li>
  );
}

/** One site of the board: who is there, working or on break since when, and who is awaited. */
export function PresenceSite({ group, now }: { group: SiteGroup; now: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {group.site.name}
      </h3>
      <p className="text-sm text-slate-700">
        {t('presence.siteCounts', { present: group.present.length, expected: group.expected.length })}
      </p>
      {group.present.length > 0 && (
        <>
          <h4 className="mt-3 font-medium text-slate-800">{t('presence.present')}</h4>
          <ul className="divide-y divide-slate-100">
            {group.present.map((row) => (
              <PresentRow key={row.workSessionId} row={row} now={now} />
            ))}
          </ul>
        </>
      )}
      {group.expected.length > 0 && (
        <>
          <h4 className="mt-3 font-medium text-slate-800">{t('presence.expected')}</h4>
          <ul className="divide-y divide-slate-100">
            {group.expected.map((row) => (
              <ExpectedRow key={`${row.agent.id}|${row.task.id}|${row.plannedStart}`} row={row} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
