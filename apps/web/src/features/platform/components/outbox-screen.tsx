import { formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ListStatus, ScreenHeader } from '../../../components/list';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useOutbox } from '../hooks/use-platform';

/**
 * `/platform/emails`: the e-mail outbox, newest first. Without an SMTP server the messages are only
 * logged: this is where the demo (and a self-hosted install without mail) reads them.
 */
export function OutboxScreen() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('platform.emails.title'));
  const headingId = useId();
  const [page, setPage] = useState(1);
  const emails = useOutbox(page);
  const items = emails.data?.items ?? [];
  const pages = emails.data ? Math.max(1, Math.ceil(emails.data.total / emails.data.pageSize)) : 1;
  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('platform.emails.title')}
        intro={t('platform.emails.intro')}
      />
      <ListStatus isPending={emails.isPending} error={emails.error} onRetry={() => void emails.refetch()} />
      {emails.isSuccess && items.length === 0 && <EmptyState>{t('platform.emails.empty')}</EmptyState>}
      {items.length > 0 && (
        <ul className="space-y-3" aria-labelledby={headingId}>
          {items.map((email) => (
            <li key={email.id} className="rounded-md border border-slate-200 bg-white p-4">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold text-slate-900">{email.subject}</span>
                  <span className="block text-sm text-slate-700">
                    {t('platform.emails.meta', {
                      to: email.to,
                      company: email.tenantCode ?? '—',
                      date: formatDateTime(email.createdAt, i18n.language),
                      status: t(`platform.emails.status.${email.status}`),
                    })}
                  </span>
                </summary>
                <pre className="mt-3 overflow-x-auto rounded-md bg-slate-50 p-3 text-sm whitespace-pre-wrap text-slate-900">
                  {email.textBody}
                </pre>
                {email.lastError && <p className="mt-2 text-sm text-red-800">{email.lastError}</p>}
              </details>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t('platform.emails.pages')} className="flex items-center gap-3">
          <button
            type="button"
            className={SECONDARY_BUTTON}
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            {t('platform.emails.previous')}
          </button>
          <span>{t('platform.emails.page', { page, pages })}</span>
          <button
            type="button"
            className={SECONDARY_BUTTON}
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            {t('platform.emails.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
