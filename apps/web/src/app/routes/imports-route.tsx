import { useTranslation } from 'react-i18next';
import { ImportsScreen } from '../../features/imports/components/imports-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/imports` (clients.write, sites.write or agents.write): bulk onboarding from CSV files. */
export function ImportsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('imports.title')} — ciao`);
  return <ImportsScreen />;
}
