import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NotFoundRoute } from './not-found-route';

/** Shown instead of a page that threw while rendering or loading. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(`${notFound ? t('notFound.title') : t('routeError.title')} — ciao`);

  useEffect(() => {
    if (!notFound) console.error(error);
  }, [error, notFound]);

  if (notFound) return <NotFoundRoute />;

  return (
    <section role="alert" className="max-w-prose space-y-4">
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t('routeError.title')}</h1>
      <p className="text-slate-700">{t('routeError.body')}</p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
        >
          {t('routeError.reload')}
        </button>
        <Link
          to="/"
          reloadDocument
          className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-700 hover:bg-brand-50"
        >
          {t('routeError.home')}
        </Link>
      </div>
    </section>
  );
}
