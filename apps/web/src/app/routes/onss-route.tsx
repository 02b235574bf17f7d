import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { OnssScreen, type OnssPage } from '../../features/onss/components/onss-screen';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * `/onss` (the registrations), `/onss/registrations/:registrationId`, `/onss/corrections`,
 * `/onss/corrections/new` and `/onss/corrections/:correctionRequestId` (onssRegistrations.read).
 */
export function OnssRoute({ kind }: { kind: OnssPage['kind'] }) {
  const { t } = useTranslation();
  const params = useParams();
  const corrections = kind === 'corrections' || kind === 'newCorrection' || kind === 'correction';
  useDocumentTitle(`${t(corrections ? 'onss.tabs.corrections' : 'onss.title')} — ciao`);
  let page: OnssPage;
  if (kind === 'registration') page = { kind, id: params.registrationId ?? '' };
  else if (kind === 'correction') page = { kind, id: params.correctionRequestId ?? '' };
  else page = { kind };
  return <OnssScreen page={page} />;
}
