import type { TaskVisibilityReason, TaskVisibilityView } from '@ciao/domain';
import { formatDate } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { visibilityReasonText } from '../task-visibility-text';

/** `2026-12-01` as the day it names, in the person's language ("1 déc. 2026"). */
export function formatIsoDay(isoDate: string, language: string): string {
  // Noon UTC is the same calendar day in Brussels, whatever the season.
  return formatDate(new Date(`${isoDate}T12:00:00Z`), language);
}

/**
 * One sentence per reason, each saying what to fix; nothing when there is none. For any list that
 * carries reasons (the agent screen's tasks of an agent too).
 */
export function VisibilityReasonList({ reasons }: { reasons: readonly TaskVisibilityReason[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  if (reasons.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {reasons.map((reason) => (
        <li key={reason.code}>
          {visibilityReasonText(t, reason, (isoDate) => formatIsoDay(isoDate, language))}
        </li>
      ))}
    </ul>
  );
}

/**
 * The answer to "why can't this agent see this task?": whether the agent sees it today and, if
 * not, one sentence per reason saying what to fix. Also for the agent screen, which asks the same
 * question from the agent's side.
 */
export function TaskVisibilityReasons({
  visibility,
  agentName,
  taskName,
}: {
  visibility: TaskVisibilityView;
  agentName: string;
  taskName: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const day = formatIsoDay(visibility.date, language);
  return (
    <div
      role="status"
      className={`space-y-2 rounded-md border p-3 ${
        visibility.visible
          ? 'border-green-300 bg-green-50 text-green-900'
          : 'border-amber-300 bg-amber-50 text-amber-950'
      }`}
    >
      <p className="font-semibold">
        {visibility.visible
          ? t('tasks.visibility.visible', { agent: agentName, task: taskName, date: day })
          : t('tasks.visibility.hidden', { agent: agentName, task: taskName, date: day })}
      </p>
      <VisibilityReasonList reasons={visibility.reasons} />
      {visibility.openSession && <p className="text-sm">{t('tasks.visibility.openSession')}</p>}
      {!visibility.plannedToday && <p className="text-sm">{t('tasks.visibility.notPlannedToday')}</p>}
      {!visibility.credentialsChecked && (
        <p className="text-sm">{t('tasks.visibility.credentialsNotChecked')}</p>
      )}
    </div>
  );
}
