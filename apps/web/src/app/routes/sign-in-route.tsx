import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useStoreSession } from '../../features/auth/hooks/use-session';
import { safeNext } from '../../lib/safe-next';
import { useDocumentTitle } from '../../lib/use-document-title';

const LINK_CLASS =
  'text-lg font-semibold text-brand-700 underline decoration-2 underline-offset-4 hover:text-brand-900';

/** `/sign-in`: the form, what ciao is, and the public links (API documentation, agent app). */
export function SignInRoute() {
  const { t } = useTranslation();
  const titleId = useId();
  const linksId = useId();
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  const [search] = useSearchParams();
  const expired = search.get('expired') === '1';
  useDocumentTitle(`${t('signIn.title')} — ciao`);

  return (
    <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,28rem)_1fr]">
      <div className="space-y-4">
        {expired && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
            {t('signIn.sessionEnded')}
          </p>
        )}
        <SignInForm
          onSignedIn={(session) => {
            storeSession(session);
            void navigate(safeNext(search.get('next')), { replace: true });
          }}
        />
      </div>

      <div className="space-y-6">
        <section aria-labelledby={titleId}>
          <h2 id={titleId} className="text-xl font-bold text-balance text-slate-900 sm:text-2xl">
            {t('home.title')}
          </h2>
          <p className="mt-3 max-w-prose text-base leading-relaxed text-slate-700">{t('home.intro')}</p>
        </section>
        <section aria-labelledby={linksId}>
          <h2 id={linksId} className="text-lg font-semibold text-slate-900">
            {t('home.linksTitle')}
          </h2>
          <ul className="mt-3 space-y-4">
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
