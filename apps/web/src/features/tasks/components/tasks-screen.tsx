import type { TaskView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  ActiveFilter,
  ListResults,
  ListSearch,
  Notice,
  ROW_ACTION,
  ScreenHeader,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { useFormInUrl } from '../../../components/list/use-form-in-url';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { useSiteChoices, useTask, useTaskGroupChoices, useTaskList } from '../hooks/use-tasks';
import { formatIsoDay } from './task-visibility-reasons';
import { ScheduleSummary } from './schedule-summary';
import { TaskEditor } from './task-editor';
import { TaskForm } from './task-form';

const taskSortFields = ['name', 'createdAt'] as const;
type TaskSortField = (typeof taskSortFields)[number];

/** The tasks list (search on task, site and client; filters; pages) and a task's editor. */
export function TasksScreen() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('tasks.write');
  const list = useListState({
    sortFields: taskSortFields,
    defaultSort: 'name',
    filters: ['siteId', 'groupId', 'active'],
  });
  // The open form is in the address (`?edit=<id>`), so that the agent screen can link to a task.
  const form = useFormInUrl();
  const { creating, editingId: openId } = form;
  const [notice, setNotice] = useState<string>();
  const tasks = useTaskList(list.query);
  const opened = useTask(openId);
  const sites = useSiteChoices();
  const groups = useTaskGroupChoices();
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);
  const language = i18n.resolvedLanguage ?? 'fr';

  const validity = (task: TaskView) => {
    if (task.validFrom && task.validUntil)
      return t('tasks.validity.between', {
        from: formatIsoDay(task.validFrom, language),
        until: formatIsoDay(task.validUntil, language),
      });
    if (task.validFrom) return t('tasks.validity.from', { from: formatIsoDay(task.validFrom, language) });
    if (task.validUntil) return t('tasks.validity.until', { until: formatIsoDay(task.validUntil, language) });
    return t('tasks.validity.always');
  };

  const columns: Column<TaskView, TaskSortField>[] = [
    {
      id: 'name',
      header: t('tasks.columns.name'),
      sortField: 'name',
      cell: (task) => task.name,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'site',
      header: t('tasks.columns.site'),
      cell: (task) => (
        <>
          <span className="block">{task.siteName}</span>
          <span className="block text-slate-600">{task.clientName}</span>
        </>
      ),
    },
    { id: 'group', header: t('tasks.columns.group'), cell: (task) => task.groupName ?? '—' },
    {
      id: 'schedule',
      header: t('tasks.columns.schedule'),
      cell: (task) => <ScheduleSummary schedule={task.schedule} />,
    },
    { id: 'validity', header: t('tasks.columns.validity'), cell: validity },
    { id: 'agents', header: t('tasks.columns.agents'), cell: (task) => task.agentCount },
    {
      id: 'active',
      header: t('tasks.columns.status'),
      cell: (task) => (task.active ? t('tasks.active') : t('tasks.inactive')),
    },
    {
      id: 'actions',
      header: t('tasks.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (task: TaskView) => (
        <button
          type="button"
          aria-label={
            canWrite ? t('tasks.editLabel', { name: task.name }) : t('tasks.viewLabel', { name: task.name })
          }
          className={ROW_ACTION}
          onClick={() => {
            setNotice(undefined);
            form.openEdit(task.id);
          }}
        >
          {canWrite ? t('list.edit') : t('tasks.view')}
        </button>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('tasks.title')}
        intro={canWrite ? t('tasks.intro') : t('tasks.introReadOnly')}
        action={
          <>
            {canWrite && !creating && (
              <button
                type="button"
                className={PRIMARY_BUTTON}
                onClick={() => {
                  form.openCreate();
                  setNotice(undefined);
                }}
              >
                {t('tasks.newTask')}
              </button>
            )}
          </>
        }
      />

      <Notice message={notice} />

      {creating && (
        <TaskForm
          onDone={(created) => {
            if (created) {
              setNotice(t('tasks.created', { name: created.name }));
              form.openEdit(created.id);
            } else form.close();
          }}
        />
      )}

      {openId && opened.isError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={opened.error} />
        </div>
      )}
      {openId && opened.data?.id === openId && (
        // Keyed by the task only: a refetch (after the agents are saved) must not remount the
        // form, which would drop what is being typed.
        <TaskEditor
          key={opened.data.id}
          task={opened.data}
          onDone={(saved) => {
            form.close();
            if (saved) setNotice(t('tasks.saved', { name: saved.name }));
          }}
        />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('tasks.searchHint')}>
        <SelectField
          label={t('tasks.filters.site')}
          value={list.state.filters.siteId}
          onChange={(event) => list.setFilter('siteId', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...(sites.data?.items ?? []).map((site) => ({
              value: site.id,
              label: `${site.name} (${site.clientName})`,
            })),
          ]}
        />
        <SelectField
          label={t('tasks.filters.group')}
          value={list.state.filters.groupId}
          onChange={(event) => list.setFilter('groupId', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...(groups.data?.items ?? []).map((group) => ({ value: group.id, label: group.name })),
          ]}
        />
        <ActiveFilter
          label={t('tasks.filters.active')}
          value={list.state.filters.active}
          onChange={(value) => list.setFilter('active', value)}
        />
      </ListSearch>

      <ListResults
        query={tasks}
        list={list}
        labelledBy={headingId}
        columns={columns}
        rowKey={(task) => task.id}
        empty={filtered ? t('tasks.empty') : canWrite ? t('tasks.emptyStart') : t('tasks.emptyReadOnly')}
        total={(count) => t('tasks.total', { count })}
        minWidth="56rem"
      />
    </div>
  );
}
