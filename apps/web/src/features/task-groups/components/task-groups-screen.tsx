import type { TaskGroupView } from '@ciao/domain';
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
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { useTaskGroupList } from '../hooks/use-task-groups';
import { TaskGroupForm } from './task-group-form';

const taskGroupSortFields = ['name', 'createdAt'] as const;
type TaskGroupSortField = (typeof taskGroupSortFields)[number];

/** The task groups list (search, filter, pages) and, with taskGroups.write, their forms. */
export function TaskGroupsScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('taskGroups.write');
  const list = useListState({ sortFields: taskGroupSortFields, defaultSort: 'name', filters: ['active'] });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TaskGroupView>();
  const [notice, setNotice] = useState<string>();
  const groups = useTaskGroupList(list.query);
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);

  const columns: Column<TaskGroupView, TaskGroupSortField>[] = [
    {
      id: 'name',
      header: t('taskGroups.columns.name'),
      sortField: 'name',
      cell: (group) => group.name,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'description',
      header: t('taskGroups.columns.description'),
      cell: (group) => group.description ?? '—',
    },
    { id: 'tasks', header: t('taskGroups.columns.tasks'), cell: (group) => group.taskCount },
    {
      id: 'active',
      header: t('taskGroups.columns.status'),
      cell: (group) => (group.active ? t('taskGroups.active') : t('taskGroups.inactive')),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: t('taskGroups.columns.actions'),
            hiddenHeader: true,
            className: ACTIONS_CELL,
            cell: (group: TaskGroupView) => (
              <button
                type="button"
                aria-label={t('taskGroups.editLabel', { name: group.name })}
                className={ROW_ACTION}
                onClick={() => {
                  setCreating(false);
                  setNotice(undefined);
                  setEditing(group);
                }}
              >
                {t('list.edit')}
              </button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('taskGroups.title')}
        intro={canWrite ? t('taskGroups.intro') : t('taskGroups.introReadOnly')}
        action={
          <>
            {canWrite && !creating && (
              <button
                type="button"
                className={PRIMARY_BUTTON}
                onClick={() => {
                  setCreating(true);
                  setEditing(undefined);
                  setNotice(undefined);
                }}
              >
                {t('taskGroups.newGroup')}
              </button>
            )}
          </>
        }
      />

      <Notice message={notice} />

      {creating && (
        <TaskGroupForm
          onDone={(created) => {
            setCreating(false);
            if (created) setNotice(t('taskGroups.created', { name: created.name }));
          }}
        />
      )}
      {editing && (
        <TaskGroupForm
          key={editing.id}
          group={editing}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) setNotice(t('taskGroups.saved', { name: saved.name }));
          }}
        />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('taskGroups.searchHint')}>
        <ActiveFilter
          label={t('taskGroups.filters.active')}
          value={list.state.filters.active}
          onChange={(value) => list.setFilter('active', value)}
        />
      </ListSearch>

      <ListResults
        query={groups}
        list={list}
        labelledBy={headingId}
        columns={columns}
        rowKey={(group) => group.id}
        empty={
          filtered
            ? t('taskGroups.empty')
            : canWrite
              ? t('taskGroups.emptyStart')
              : t('taskGroups.emptyReadOnly')
        }
        total={(count) => t('taskGroups.total', { count })}
        minWidth="36rem"
      />
    </div>
  );
}
