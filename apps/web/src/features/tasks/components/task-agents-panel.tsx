import type { TaskView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../../components/search-combobox';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { serverFieldErrors } from '../../../lib/field-errors';
import { searchAgents } from '../api/tasks-api';
import { useTaskAgents, useTaskMutations } from '../hooks/use-tasks';
import { addLinkedAgent, linkedAgentName, removeLinkedAgent, sameLinkedAgents } from '../linked-agents';
import type { LinkedAgent } from '../linked-agents';
import { taskFieldErrorText } from '../task-form-values';
import { agentOption } from './agent-option';

/**
 * The agents who see the task in the agent app: found by searching as one types, shown as chips,
 * saved together (the server takes the whole list).
 */
export function TaskAgentsPanel({ task, readOnly }: { task: TaskView; readOnly: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const linked = useTaskAgents(task.id);
  const { setAgents } = useTaskMutations();
  const [draft, setDraft] = useState<LinkedAgent[]>();
  const [saved, setSaved] = useState(false);
  const stored = linked.data?.items ?? [];
  const agents = draft ?? stored;
  const changed = draft !== undefined && !sameLinkedAgents(draft, stored);

  const edit = (next: LinkedAgent[]) => {
    setSaved(false);
    setDraft(next);
  };
  const save = () => {
    setAgents.mutate(
      { taskId: task.id, agentIds: agents.map((agent) => agent.id) },
      {
        onSuccess: () => {
          setDraft(undefined);
          setSaved(true);
        },
      },
    );
  };
  const saveError =
    setAgents.error instanceof ApiError ? Object.entries(serverFieldErrors(setAgents.error))[0] : undefined;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('tasks.agents.title')}
      </h2>
      <p className="mt-1 max-w-prose text-slate-700">{t('tasks.agents.intro')}</p>
      {linked.isError && (
        <p role="alert" className="mt-3 text-red-900">
          <RequestErrorMessage error={linked.error} />
        </p>
      )}
      {linked.isPending && (
        <p role="status" className="mt-3 text-slate-700">
          {t('list.loading')}
        </p>
      )}
      {linked.data && (
        <div className="mt-4 space-y-4">
          {agents.length === 0 ? (
            <p className="text-slate-700">{t('tasks.agents.none')}</p>
          ) : (
            <ul aria-label={t('tasks.agents.listLabel')} className="flex flex-wrap gap-2">
              {agents.map((agent) => (
                <li
                  key={agent.id}
                  className="inline-flex min-h-11 items-center gap-1 rounded-full border border-brand-700 bg-brand-50 pl-3 text-slate-900"
                >
                  <span className={readOnly ? 'pr-3' : ''}>{linkedAgentName(agent)}</span>
                  {!readOnly && (
                    <button
                      type="button"
                      className="inline-flex size-11 items-center justify-center rounded-full font-bold text-brand-800 hover:bg-brand-100"
                      aria-label={t('tasks.agents.remove', { agent: linkedAgentName(agent) })}
                      onClick={() => edit(removeLinkedAgent(agents, agent.id))}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {!readOnly && (
            <div className="flex flex-wrap items-end gap-3">
              <SearchCombobox
                className="min-w-56 flex-1"
                label={t('tasks.agents.add')}
                hint={t('tasks.agents.addHint')}
                queryKey={['agents', 'pick']}
                search={async (q, signal) => (await searchAgents(q, signal)).items.map(agentOption)}
                excluded={agents.map((agent) => agent.id)}
                clearOnPick
                onPick={(option) => edit(addLinkedAgent(agents, option.agent))}
                noResults={t('tasks.agents.noResults')}
                searching={t('list.loading')}
              />
              <button
                type="button"
                className={PRIMARY_BUTTON}
                disabled={!changed || setAgents.isPending}
                onClick={save}
              >
                {setAgents.isPending ? t('list.saving') : t('tasks.agents.save')}
              </button>
            </div>
          )}
          <div aria-live="polite">
            {changed && <p className="text-sm text-slate-700">{t('tasks.agents.unsaved')}</p>}
            {saved && !changed && (
              <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
                {t('tasks.agents.saved', { count: agents.length })}
              </p>
            )}
          </div>
          {setAgents.isError && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
              {saveError ? (
                taskFieldErrorText(t, saveError[0], saveError[1] ?? '')
              ) : (
                <RequestErrorMessage error={setAgents.error} />
              )}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
