import { useTranslation } from 'react-i18next';
import { LicencesScreen } from '../../features/licences/components/licences-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/licences` and `/licences/devices` (licences.read): the agent app's codes and phones. */
export function LicencesRoute({ tab }: { tab: 'licences' | 'devices' }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t(tab === 'licences' ? 'licences.tabs.licences' : 'licences.tabs.devices')} — ciao`);
  return <LicencesScreen tab={tab} />;
}
