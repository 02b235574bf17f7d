import { useTranslation } from 'react-i18next';
import { CompanyScreen } from '../../features/company/components/company-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/company` (company.read): the company's identity and settings; changed with company.write. */
export function CompanyRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('company.title')} — ciao`);
  return <CompanyScreen />;
}
