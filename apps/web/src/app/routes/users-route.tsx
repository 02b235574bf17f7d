import { useTranslation } from 'react-i18next';
import { UsersScreen } from '../../features/users/components/users-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/users` (users.read): the company's back-office users. */
export function UsersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('users.title')} — ciao`);
  return <UsersScreen />;
}
