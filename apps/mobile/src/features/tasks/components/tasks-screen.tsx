import { formatDateTime } from '@ciao/front-common';
import type { ClockState } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../../components/api-error-text';
import { CARD, ERROR_BOX, SECONDARY_BUTTON, WARNING_BOX } from '../../../components/ui';
import { useLocalClock } from '../../../lib/queue/use-clock-state';
import type { AgentSessionInfo, AgentTask } from '../../../lib/types';
import { useTasks } from '../api/use-tasks';
import { usePullToRefresh } from '../hooks/use-pull-to-refresh';

type TaskState = AgentTask['state'];

/** The task's state as shown: the phone's waiting taps win over the server's last word. */
function stateOf(task: AgentTask, local: ClockState | undefined): TaskState {
  if (!local) return task.state;
  if (local.status !== 'OFF' && local.taskId === task.id)
    return local.status === 'WORKING' ? 'working' : 'on_break';
  if (task.state === 'working' || task.state === 'on_break') return 'done';
  return task.state;
}

const STATE_STYLE: Record<TaskState, string> = {
  not_started: 'bg-slate-200 text-slate-900',
  working: 'bg-green-700 text-white',
  on_break: 'bg-amber-300 text-slate-950',
  done: 'bg-brand-100 text-brand-900',
};

function FaqExplanation({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section className={WARNING_BOX}>
      <h3 className="text-lg font-bold">{title}</h3>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>{t('tasks.faq.inactive')}</li>
        <li>{t('tasks.faq.notLinked')}</li>
        <li>{t('tasks.faq.validity')}</li>
      </ul>
      <p className="mt-2 font-semibold">{t('tasks.faq.manager')}</p>
    </section>
  );
}

/** Today's tasks, today's planned ones first; a tap opens the registration screen. */
export function TasksScreen({
  session,
  onOpen,
}: {
  session: AgentSessionInfo;
  onOpen: (task: AgentTask) => void;
}) {
  const { t, i18n } = useTranslation();
  const { data, cachedAt, error, loading, refresh } = useTasks(session.agentId, session.token);
  const local = useLocalClock(session.agentId);
  // The same refresh as the button: the button is there for who cannot or does not swipe.
  const pull = usePullToRefresh(refresh, loading);
  const tasks = [...(data?.tasks ?? [])].sort(
    (a, b) => Number(b.plannedToday.length > 0) - Number(a.plannedToday.length > 0),
  );

  return (
    <section
      className={`relative flex flex-col gap-4 ${pull.pulling ? '' : 'transition-transform duration-200'}`}
      aria-labelledby="tasks-title"
      style={pull.distance > 0 ? { transform: `translateY(${pull.distance}px)` } : undefined}
      data-testid="tasks-list"
      {...pull.handlers}
    >
      {/* Shown in the room the pull opens above the list; the button below says the refresh aloud. */}
      {pull.distance > 0 && (
        <p
          aria-hidden="true"
          className="absolute inset-x-0 bottom-full pb-3 text-center text-lg font-bold text-brand-800"
          data-testid="pull-indicator"
        >
          {pull.armed ? t('tasks.pull.release') : t('tasks.pull.more')}
        </p>
      )}
      <div className="flex items-center justify-between gap-3">
        <h2 id="tasks-title" className="text-2xl font-bold text-slate-950">
          {t('tasks.title')}
        </h2>
        <button type="button" onClick={refresh} aria-disabled={loading} className={SECONDARY_BUTTON}>
          {loading ? t('tasks.refreshing') : t('tasks.refresh')}
        </button>
      </div>
      {error !== undefined && (
        <p role="alert" className={ERROR_BOX}>
          <ApiErrorText error={error} />{' '}
          {cachedAt ? t('tasks.cached', { time: formatDateTime(Date.parse(cachedAt), i18n.language) }) : ''}
        </p>
      )}
      {data && tasks.length === 0 && <FaqExplanation title={t('tasks.empty')} />}
      <ul className="flex flex-col gap-3">
        {tasks.map((task) => {
          const state = stateOf(task, local?.state);
          return (
            <li key={task.id}>
              <button
                type="button"
                onClick={() => onOpen(task)}
                className={`${CARD} block min-h-14 w-full border-2 border-transparent text-left hover:border-brand-700`}
              >
                <span className="flex items-start justify-between gap-2">
                  <span className="text-xl font-bold text-slate-950">{task.site.name}</span>
                  <span
                    className={`shrink-0 rounded-full px-3 py-1 text-base font-bold ${STATE_STYLE[state]}`}
                  >
                    {t(`tasks.state.${state}`)}
                  </span>
                </span>
                <span className="mt-1 block text-base text-slate-800">{task.name}</span>
                <span className="block text-base text-slate-700">{task.site.address}</span>
                <span className="mt-1 block text-lg font-semibold text-slate-950">
                  {task.plannedToday.length > 0
                    ? task.plannedToday.map((slot) => `${slot.start}–${slot.end}`).join(', ')
                    : t('tasks.notPlannedToday')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {data && tasks.length > 0 && (
        <details className="text-base">
          <summary className="min-h-12 cursor-pointer py-3 font-semibold text-brand-800">
            {t('tasks.missing')}
          </summary>
          <FaqExplanation title={t('tasks.missing')} />
        </details>
      )}
      {!data && loading && <p className="text-lg">{t('tasks.loading')}</p>}
    </section>
  );
}
