import { useTranslation } from 'react-i18next';
import { WebhooksScreen } from '../../features/webhooks/components/webhooks-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/webhooks` (webhooks.manage, administrators): the company's webhook subscriptions. */
export function WebhooksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('webhooks.title')} — ciao`);
  return <WebhooksScreen />;
}
