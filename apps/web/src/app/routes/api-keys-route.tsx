import { useTranslation } from 'react-i18next';
import { ApiKeysScreen } from '../../features/api-keys/components/api-keys-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/api-keys` (apiKeys.manage, administrators): the keys of the public API. */
export function ApiKeysRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('apiKeys.title')} — ciao`);
  return <ApiKeysScreen />;
}
