import type { ClientView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../../app/session-context';
import { formatAddress } from '../../../lib/address-form-values';
import { useClientSites } from '../hooks/use-clients';

const LINK = 'inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:bg-brand-50';

/** A client's sites, on its edit view: each opens in the sites screen, and a new one starts there. */
export function ClientSites({ client }: { client: ClientView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canRead = session.capabilities.includes('sites.read');
  const canWrite = session.capabilities.includes('sites.write');
  const sites = useClientSites(client.id, canRead);
  if (!canRead) return null;
  const sitesOf = `/sites?clientId=${encodeURIComponent(client.id)}`;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          {t('clients.sites.title', { name: client.name })}
        </h2>
        {canWrite && (
          <Link to={`${sitesOf}&new=1`} className={LINK}>
            {t('clients.sites.newSite')}
          </Link>
        )}
      </div>
      {sites.isPending && <p className="mt-3 text-slate-700">{t('list.loading')}</p>}
      {sites.isError && (
        <p role="alert" className="mt-3 text-red-900">
          <RequestErrorMessage error={sites.error} />
        </p>
      )}
      {sites.data && sites.data.items.length === 0 && (
        <p className="mt-3 text-slate-700">{t('clients.sites.none')}</p>
      )}
      {sites.data && sites.data.items.length > 0 && (
        <ul className="mt-3 divide-y divide-slate-200">
          {sites.data.items.map((site) => (
            <li key={site.id} className="flex flex-wrap items-center justify-between gap-x-4 py-1">
              <Link
                to={canWrite ? `${sitesOf}&edit=${encodeURIComponent(site.id)}` : sitesOf}
                className={LINK}
                aria-label={canWrite ? t('clients.sites.editSite', { name: site.name }) : undefined}
              >
                {site.name}
              </Link>
              <span className="text-sm text-slate-600">
                {formatAddress(site.address, t('address.box'))}
                {!site.active && ` — ${t('clients.inactive')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
