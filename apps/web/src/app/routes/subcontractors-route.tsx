import { useTranslation } from 'react-i18next';
import { SubcontractorsScreen } from '../../features/subcontractors/components/subcontractors-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/subcontractors` (subcontractors.read): the subcontractor companies; edited with subcontractors.write. */
export function SubcontractorsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('subcontractors.title')} — ciao`);
  return <SubcontractorsScreen />;
}
