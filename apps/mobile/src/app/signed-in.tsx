import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskScreen } from '../features/clock/components/task-screen';
import { HistoryScreen } from '../features/history/components/history-screen';
import { SettingsScreen } from '../features/settings/components/settings-screen';
import { ServerStatusCard } from '../features/status/components/server-status-card';
import { TasksScreen } from '../features/tasks/components/tasks-screen';
import type { AgentSessionInfo, AgentTask } from '../lib/types';
import { QueueBanner } from './queue-banner';

// Loaded after the first screen (see signed-in-loader.ts): with the phone's database (Dexie), these
// screens are not needed to activate the phone or to sign in.

type Tab = 'tasks' | 'history' | 'settings';

/** The signed-in agent's tabs: tasks (and one task's registration screen), history, settings. */
export function SignedIn({
  session,
  onSignOut,
}: {
  session: AgentSessionInfo;
  onSignOut: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('tasks');
  const [task, setTask] = useState<AgentTask>();

  return (
    <>
      <QueueBanner session={session}>
        {(syncNow) => (
          <>
            {tab === 'tasks' && !task && <TasksScreen session={session} onOpen={setTask} />}
            {tab === 'tasks' && task && (
              <TaskScreen
                session={session}
                task={task}
                onBack={() => setTask(undefined)}
                onRegistered={() => void syncNow()}
              />
            )}
            {tab === 'history' && <HistoryScreen session={session} />}
            {tab === 'settings' && (
              <SettingsScreen session={session} onSignOut={onSignOut} serverStatus={<ServerStatusCard />} />
            )}
          </>
        )}
      </QueueBanner>
      <nav
        aria-label={t('nav.label')}
        className="fixed inset-x-0 bottom-0 border-t-2 border-slate-300 bg-white pb-[env(safe-area-inset-bottom)]"
      >
        <div className="mx-auto grid max-w-md grid-cols-3">
          {(['tasks', 'history', 'settings'] as const).map((name) => (
            <button
              key={name}
              type="button"
              aria-current={tab === name ? 'page' : undefined}
              onClick={() => {
                setTab(name);
                setTask(undefined);
              }}
              className={`min-h-16 px-1 text-lg font-bold ${
                tab === name ? 'bg-brand-700 text-white' : 'text-slate-900 hover:bg-slate-100'
              }`}
            >
              {t(`nav.${name}`)}
            </button>
          ))}
        </div>
      </nav>
    </>
  );
}
