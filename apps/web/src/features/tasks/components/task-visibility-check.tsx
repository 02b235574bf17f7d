import type { TaskView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../../components/search-combobox';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { getTaskVisibility, searchAgents } from '../api/tasks-api';
import { linkedAgentName } from '../linked-agents';
import { agentOption } from './agent-option';
import type { AgentOption } from './agent-option';
import { TaskVisibilityReasons } from './task-visibility-reasons';

/**
 * "Why can't this agent see this task?": pick any agent (linked or not), press Check, read what to
 * fix. The answer is for today, as the agent app would show it now; it is asked again on each check.
 */
export function TaskVisibilityCheck({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [picked, setPicked] = useState<AgentOption>();
  const [checked, setChecked] = useState<{ agent: AgentOption; round: number }>();
  const visibility = useQuery({
    queryKey: ['task-visibility', task.id, checked?.agent.id, checked?.round],
    queryFn: ({ signal }) => getTaskVisibility(checked?.agent.id ?? '', task.id, signal),
    enabled: checked !== undefined,
    staleTime: 0,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked) setChecked({ agent: picked, round: (checked?.round ?? 0) + 1 });
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('tasks.visibility.title')}
      </h2>
      <p className="mt-1 max-w-prose text-slate-700">{t('tasks.visibility.intro')}</p>
      <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3">
        <SearchCombobox
          className="min-w-56 flex-1"
          label={t('tasks.visibility.agent')}
          hint={t('tasks.visibility.agentHint')}
          queryKey={['agents', 'pick']}
          search={async (q, signal) => (await searchAgents(q, signal)).items.map(agentOption)}
          selectedLabel={picked?.label ?? ''}
          onPick={(option) => setPicked(option)}
          noResults={t('tasks.agents.noResults')}
          searching={t('list.loading')}
        />
        <button type="submit" className={SECONDARY_BUTTON} disabled={!picked || visibility.isFetching}>
          {visibility.isFetching ? t('tasks.visibility.checking') : t('tasks.visibility.check')}
        </button>
      </form>
      <div aria-live="polite" className="mt-4">
        {checked && visibility.isError && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            <RequestErrorMessage error={visibility.error} />
          </p>
        )}
        {checked && visibility.data && (
          <TaskVisibilityReasons
            visibility={visibility.data}
            agentName={linkedAgentName(checked.agent.agent)}
            taskName={task.name}
          />
        )}
      </div>
    </section>
  );
}
