import { useTranslation } from 'react-i18next';
import { SitesScreen } from '../../features/sites/components/sites-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/sites` (sites.read): the places of work; created and edited with sites.write. */
export function SitesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('sites.title')} — ciao`);
  return <SitesScreen />;
}
