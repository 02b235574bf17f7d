import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRIMARY_BUTTON } from '../../components/text-field';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSignedIn } from '../session-context';

/** 403: the page exists, but the signed-in role does not open it. */
export function ForbiddenRoute() {
  const { t } = useTranslation();
  const session = useSignedIn();
  useDocumentTitle(`${t('forbidden.title')} — ciao`);

  return (
    <section className="max-w-prose space-y-4">
      <p className="text-sm font-semibold tracking-wide text-brand-700">403</p>
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t('forbidden.title')}</h1>
      <p className="text-slate-700">{t('forbidden.body', { role: t(`roles.${session.user.role}`) })}</p>
      <Link to="/" className={PRIMARY_BUTTON}>
        {t('forbidden.home')}
      </Link>
    </section>
  );
}
