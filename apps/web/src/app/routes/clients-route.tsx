import { useTranslation } from 'react-i18next';
import { ClientsScreen } from '../../features/clients/components/clients-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/clients` (clients.read): the clients ("Tiers"); created and edited with clients.write. */
export function ClientsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('clients.title')} — ciao`);
  return <ClientsScreen />;
}
