import type { TaskGroupView } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { InlineEditedListScreen } from '../../../components/list/inline-edited-list-screen';
import type { Column } from '../../../components/list';
import { useTaskGroupList } from '../hooks/use-task-groups';
import { TaskGroupForm } from './task-group-form';

const taskGroupSortFields = ['name', 'createdAt'] as const;
type TaskGroupSortField = (typeof taskGroupSortFields)[number];

/** The task groups list (search, filter, pages) and, with taskGroups.write, their forms. */
export function TaskGroupsScreen() {
  const { t } = useTranslation();
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
  ];
  return (
    <InlineEditedListScreen
      texts="taskGroups"
      writeCapability="taskGroups.write"
      sortFields={taskGroupSortFields}
      useItems={useTaskGroupList}
      columns={columns}
      newLabel={t('taskGroups.newGroup')}
      renderForm={({ item, onDone }) => <TaskGroupForm group={item} onDone={onDone} />}
      minWidth="36rem"
    />
  );
}
