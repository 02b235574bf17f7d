import type { TaskGroupView } from '@ciao/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  DataTable,
  EmptyState,
  ListSearch,
  ListStatus,
  Notice,
  Pagination,
  ROW_ACTION,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
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
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id={headingId} className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {t('taskGroups.title')}
          </h1>
          <p className="mt-2 max-w-prose text-slate-700">
            {canWrite ? t('taskGroups.intro') : t('taskGroups.introReadOnly')}
          </p>
        </div>
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
      </div>

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
        <SelectField
          label={t('taskGroups.filters.active')}
          value={list.state.filters.active}
          onChange={(event) => list.setFilter('active', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            { value: 'true', label: t('list.active') },
            { value: 'false', label: t('list.inactive') },
          ]}
        />
      </ListSearch>

      <ListStatus isPending={groups.isPending} error={groups.error} onRetry={() => void groups.refetch()} />

      {groups.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <p className="text-sm text-slate-600">{t('taskGroups.total', { count: groups.data.total })}</p>
          {groups.data.items.length === 0 ? (
            <EmptyState>
              {filtered
                ? t('taskGroups.empty')
                : canWrite
                  ? t('taskGroups.emptyStart')
                  : t('taskGroups.emptyReadOnly')}
            </EmptyState>
          ) : (
            <DataTable
              columns={columns}
              rows={groups.data.items}
              rowKey={(group) => group.id}
              sort={list.state.sort}
              order={list.state.order}
              onSort={list.toggleSort}
              minWidth="36rem"
            />
          )}
          <Pagination
            page={list.state.page}
            pageSize={groups.data.pageSize}
            total={groups.data.total}
            onPage={list.setPage}
          />
        </section>
      )}
    </div>
  );
}
