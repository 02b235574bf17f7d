import { useTranslation } from 'react-i18next';
import { AnalyticsScreen } from '../../features/analytics/components/analytics-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/analytics` (analytics.read): weekly charts, each leading to the list behind it. */
export function AnalyticsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('analytics.title')} — ciao`);
  return <AnalyticsScreen />;
}
