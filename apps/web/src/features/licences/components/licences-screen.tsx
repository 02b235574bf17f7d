import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DevicesTab } from './devices-tab';
import { LicenceRequestsPanel } from './licence-requests-panel';
import { LicencesTab } from './licences-tab';
import { ScreenHeader } from '../../../components/list';

const TAB =
  'inline-flex min-h-11 items-center border-b-4 px-4 font-semibold text-slate-700 hover:text-brand-700 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800';

/** `/licences` and `/licences/devices`: the agent app's licence codes and the phones they activated. */
export function LicencesScreen({ tab }: { tab: 'licences' | 'devices' }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <ScreenHeader title={t('licences.title')} intro={t('licences.intro')} />
      <nav aria-label={t('licences.tabs.label')} className="flex gap-2 border-b border-slate-200">
        <NavLink end to="/licences" className={`${TAB} border-transparent`}>
          {t('licences.tabs.licences')}
        </NavLink>
        <NavLink to="/licences/devices" className={`${TAB} border-transparent`}>
          {t('licences.tabs.devices')}
        </NavLink>
      </nav>
      {tab === 'licences' ? (
        <>
          <LicencesTab />
          <LicenceRequestsPanel />
        </>
      ) : (
        <DevicesTab />
      )}
    </div>
  );
}
