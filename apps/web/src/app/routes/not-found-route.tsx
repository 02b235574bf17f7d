import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useDocumentTitle(`${t('notFound.title')} — ciao`);

  return (
    <section className="max-w-prose space-y-4">
      <p className="text-sm font-semibold tracking-wide text-brand-700">404</p>
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t('notFound.title')}</h1>
      <p className="break-words text-slate-700">{t('notFound.body', { path: pathname })}</p>
      <Link
        to="/"
        className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
      >
        {t('notFound.home')}
      </Link>
    </section>
  );
}
