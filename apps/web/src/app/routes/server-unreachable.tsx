import { RequestErrorMessage } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { PRIMARY_BUTTON } from '../../components/text-field';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The server did not answer (or answered nonsense): say so, say why, and offer to try again. */
export function ServerUnreachable({
  error,
  retrying,
  onRetry,
}: {
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('unreachable.title')} — ciao`);

  return (
    <section role="alert" className="max-w-prose space-y-4">
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t('unreachable.title')}</h1>
      <p className="text-slate-700">
        <RequestErrorMessage error={error} />
      </p>
      <p className="text-slate-700">{t('unreachable.body')}</p>
      <button type="button" onClick={onRetry} disabled={retrying} className={PRIMARY_BUTTON}>
        {retrying ? t('unreachable.retrying') : t('unreachable.retry')}
      </button>
    </section>
  );
}
