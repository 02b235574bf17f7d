import { useTranslation } from 'react-i18next';
import { NotificationsScreen } from '../../features/notifications/components/notifications-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/notifications` (every signed-in user): their own e-mail notifications. */
export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notifications.title')} — ciao`);
  return <NotificationsScreen />;
}
