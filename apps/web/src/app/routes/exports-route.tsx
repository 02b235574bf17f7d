import { useTranslation } from 'react-i18next';
import { ExportsScreen } from '../../features/exports/components/exports-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/exports` (exports.read): my background exports, their progress and files. */
export function ExportsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('exports.title')} — ciao`);
  return <ExportsScreen />;
}
