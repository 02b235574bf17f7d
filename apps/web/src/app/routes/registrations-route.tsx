import { useTranslation } from 'react-i18next';
import { RegistrationsScreen } from '../../features/registrations/components/registrations-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/registrations` (registrations.read): the registrations ("pointages") and their detail. */
export function RegistrationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('registrations.title')} — ciao`);
  return <RegistrationsScreen />;
}
