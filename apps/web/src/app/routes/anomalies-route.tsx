import { useTranslation } from 'react-i18next';
import { AnomaliesScreen } from '../../features/anomalies/components/anomalies-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/anomalies` (anomalies.read): compliance, the anomalies to handle. */
export function AnomaliesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('anomalies.title')} — ciao`);
  return <AnomaliesScreen />;
}
