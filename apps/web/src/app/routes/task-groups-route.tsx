import { useTranslation } from 'react-i18next';
import { TaskGroupsScreen } from '../../features/task-groups/components/task-groups-screen';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TasksTabs } from './tasks-tabs';

/** `/tasks/groups` (taskGroups.read): the groups that file tasks; changed with taskGroups.write. */
export function TaskGroupsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('taskGroups.title')} — ciao`);
  return (
    <>
      <TasksTabs />
      <TaskGroupsScreen />
    </>
  );
}
