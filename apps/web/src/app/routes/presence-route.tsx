import { useTranslation } from 'react-i18next';
import { PresenceScreen } from '../../features/presence/components/presence-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/presence` (registrations.read): the live presence board. */
export function PresenceRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('presence.title')} — ciao`);
  return <PresenceScreen />;
}
