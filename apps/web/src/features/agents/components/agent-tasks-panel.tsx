import type { AgentView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDay, VisibilityReasonList } from '../../tasks/components/task-visibility-reasons';
import { useAgentTasks } from '../hooks/use-agents';

/**
 * The tasks an agent is linked to and, for each, whether the agent app shows it today and what to
 * fix when it does not — the first support question ("I don't see my task") answered from the
 * agent's side.
 */
export function AgentTasksPanel({ agent }: { agent: AgentView }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const tasks = useAgentTasks(agent.id, true);
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('agents.tasksPanel.title', { identifier: agent.identifier })}
      </h2>
      {tasks.isPending && (
        <p role="status" className="mt-3 text-slate-700">
          {t('list.loading')}
        </p>
      )}
      {tasks.isError && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={tasks.error} />
        </p>
      )}
      {tasks.data && (
        <>
          <p className="mt-1 max-w-prose text-sm text-slate-700">
            {t('agents.tasksPanel.intro', { date: formatIsoDay(tasks.data.date, language) })}
          </p>
          {tasks.data.items.length === 0 ? (
            <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
              {t('agents.tasksPanel.none')}
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {tasks.data.items.map((task) => (
                <li key={task.id} className="space-y-1 py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link to={`/tasks?edit=${task.id}`} className="font-semibold text-brand-700 underline">
                      {task.name}
                    </Link>
                    <span
                      className={`rounded-full border px-2 py-0.5 text-sm font-medium ${
                        task.visible
                          ? 'border-green-300 bg-green-50 text-green-900'
                          : 'border-amber-300 bg-amber-50 text-amber-950'
                      }`}
                    >
                      {task.visible ? t('agents.tasksPanel.visible') : t('agents.tasksPanel.hidden')}
                    </span>
                  </div>
                  <p className="text-sm text-slate-700">
                    {t('agents.tasksPanel.where', { site: task.siteName, client: task.clientName })}
                  </p>
                  {!task.visible && (
                    <div className="text-sm text-amber-950">
                      <VisibilityReasonList reasons={task.reasons} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {!tasks.data.credentialsChecked && (
            <p className="mt-2 text-sm text-slate-600">{t('tasks.visibility.credentialsNotChecked')}</p>
          )}
        </>
      )}
    </section>
  );
}
