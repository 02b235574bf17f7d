import { useTranslation } from 'react-i18next';
import { AgentsScreen } from '../../features/agents/components/agents-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/agents` (agents.read): the company's agents; created and edited with agents.write. */
export function AgentsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('agents.title')} — ciao`);
  return <AgentsScreen />;
}
