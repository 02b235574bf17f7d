import { useTranslation } from 'react-i18next';
import { TasksScreen } from '../../features/tasks/components/tasks-screen';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TasksTabs } from './tasks-tabs';

/** `/tasks` (tasks.read): the company's tasks; created and edited with tasks.write. */
export function TasksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('tasks.title')} — ciao`);
  return (
    <>
      <TasksTabs />
      <TasksScreen />
    </>
  );
}
