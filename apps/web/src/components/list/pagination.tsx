import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON } from '../text-field';

/** Previous / next for a server-side paged list; nothing when everything fits on one page. */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav aria-label={t('list.pagination')} className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={SECONDARY_BUTTON}
        disabled={page <= 1}
        onClick={() => onPage(Math.min(page - 1, pages))}
      >
        {t('list.previous')}
      </button>
      <span className="text-sm text-slate-700" aria-current="page">
        {t('list.pageOf', { page, pages })}
      </span>
      <button
        type="button"
        className={SECONDARY_BUTTON}
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('list.next')}
      </button>
    </nav>
  );
}
