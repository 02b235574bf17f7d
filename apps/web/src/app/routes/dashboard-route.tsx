import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupChecklist } from '../../features/setup/components/setup-checklist';
import { ServerStatusPanel } from '../../features/status/components/server-status-panel';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSignedIn } from '../session-context';

/** `/`: for an administrator the set-up checklist; who is signed in, and whether the server is well. */
export function DashboardRoute() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const whoId = useId();
  useDocumentTitle(`${t('dashboard.title')} — ciao`);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t('dashboard.title')}</h1>
        <p className="mt-2 text-slate-700">{t('dashboard.welcome', { name: session.user.displayName })}</p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {/* The administrator sets the company up: the checklist reads what only they may all read. */}
        {session.capabilities.includes('company.write') && <SetupChecklist />}
        <section
          aria-labelledby={whoId}
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id={whoId} className="text-xl font-semibold text-slate-900">
            {t('dashboard.whoTitle')}
          </h2>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium text-slate-600">{t('dashboard.company')}</dt>
            <dd>
              {session.company.name} ({session.company.code})
            </dd>
            <dt className="font-medium text-slate-600">{t('dashboard.user')}</dt>
            <dd>{session.user.displayName}</dd>
            <dt className="font-medium text-slate-600">{t('dashboard.login')}</dt>
            <dd>{session.user.login}</dd>
            <dt className="font-medium text-slate-600">{t('dashboard.role')}</dt>
            <dd>{t(`roles.${session.user.role}`)}</dd>
            <dt className="font-medium text-slate-600">{t('dashboard.secondFactor')}</dt>
            <dd>
              {session.secondFactor.enabled ? t('dashboard.secondFactorOn') : t('dashboard.secondFactorOff')}
            </dd>
          </dl>
        </section>
        <ServerStatusPanel />
      </div>
    </div>
  );
}
