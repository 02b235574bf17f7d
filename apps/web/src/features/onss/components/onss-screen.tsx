import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CorrectionRequestDetail } from './correction-request-detail';
import { CorrectionsTab } from './corrections-tab';
import { NewCorrectionRequest } from './new-correction-request';
import { OnssRegistrationDetail } from './onss-registration-detail';
import { OnssRegistrationsTab } from './onss-registrations-tab';
import { ScreenHeader } from '../../../components/list';

const TAB =
  'inline-flex min-h-11 items-center border-b-4 px-4 font-semibold text-slate-700 hover:text-brand-700 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800';

export type OnssPage =
  | { kind: 'registrations' }
  | { kind: 'registration'; id: string }
  | { kind: 'corrections' }
  | { kind: 'newCorrection' }
  | { kind: 'correction'; id: string };

/** `/onss…`: the registrations sent to ONSS and their follow-up, and the correction requests. */
export function OnssScreen({ page }: { page: OnssPage }) {
  const { t } = useTranslation();
  const corrections =
    page.kind === 'corrections' || page.kind === 'newCorrection' || page.kind === 'correction';
  return (
    <div className="space-y-6">
      <ScreenHeader title={t('onss.title')} intro={t('onss.intro')} />
      <nav aria-label={t('onss.tabs.label')} className="flex gap-2 border-b border-slate-200">
        <Link
          to="/onss"
          className={`${TAB} border-transparent`}
          aria-current={corrections ? undefined : 'page'}
        >
          {t('onss.tabs.registrations')}
        </Link>
        <Link
          to="/onss/corrections"
          className={`${TAB} border-transparent`}
          aria-current={corrections ? 'page' : undefined}
        >
          {t('onss.tabs.corrections')}
        </Link>
      </nav>
      {page.kind === 'registrations' && <OnssRegistrationsTab />}
      {page.kind === 'registration' && <OnssRegistrationDetail id={page.id} />}
      {page.kind === 'corrections' && <CorrectionsTab />}
      {page.kind === 'newCorrection' && <NewCorrectionRequest />}
      {page.kind === 'correction' && <CorrectionRequestDetail id={page.id} />}
    </div>
  );
}
