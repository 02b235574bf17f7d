import { useTranslation } from 'react-i18next';
import { TimesheetsScreen } from '../../features/timesheets/components/timesheets-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/work-sessions` (workSessions.read): weekly and monthly timesheets; corrections with workSessions.correct. */
export function WorkSessionsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('timesheets.title')} — ciao`);
  return <TimesheetsScreen />;
}
