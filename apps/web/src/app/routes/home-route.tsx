import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerStatusPanel } from '../../features/status/components/server-status-panel';
import { useDocumentTitle } from '../../lib/use-document-title';

const LINK_CLASS =
  'text-lg font-semibold text-brand-700 underline decoration-2 underline-offset-4 hover:text-brand-900';

export function HomeRoute() {
  const { t } = useTranslation();
  const titleId = useId();
  const linksId = useId();
  useDocumentTitle(t('app.documentTitle'));

  return (
    <div className="space-y-8">
      <section aria-labelledby={titleId}>
        <h1 id={titleId} className="text-2xl font-bold text-balance text-slate-900 sm:text-3xl">
          {t('home.title')}
        </h1>
        <p className="mt-4 max-w-prose text-base leading-relaxed text-slate-700">{t('home.intro')}</p>
      </section>

      <div className="grid items-start gap-6 md:grid-cols-2">
        <ServerStatusPanel />

        <section
          aria-labelledby={linksId}
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id={linksId} className="text-xl font-semibold text-slate-900">
            {t('home.linksTitle')}
          </h2>
          <ul className="mt-4 space-y-5">
            <li>
              {/* Served by the API server, outside this single-page app: a plain link. */}
              <a href="/api/docs" className={LINK_CLASS}>
                {t('home.apiDocs')}
              </a>
              <p className="mt-1 text-sm text-slate-600">{t('home.apiDocsDescription')}</p>
            </li>
            <li>
              <a href="/m/" className={LINK_CLASS}>
                {t('home.agentApp')}
              </a>
              <p className="mt-1 text-sm text-slate-600">{t('home.agentAppDescription')}</p>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
