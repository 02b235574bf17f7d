import { DIRECT_EXPORT_ROW_LIMIT, type ExportFormat, type ExportKind } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createExportJob, exportUrl } from '../lib/exports-api';

export interface ExportChoice {
  kind: ExportKind;
  format: ExportFormat;
  /** The entry's text; the format's name when not given. */
  label?: string;
  /** Filters of this entry when they differ from the menu's (the month of a monthly PDF). */
  filters?: Record<string, string>;
  /** Rows this entry would write, when it is not the list's count (agents of a monthly PDF). */
  rows?: number;
  /** Above this many rows the entry starts a background export instead of a download. */
  directLimit?: number;
}

interface ExportMenuProps {
  /** The screen's current filters, as its list query sends them (no page, no page size). */
  filters: Record<string, string | number | boolean | undefined>;
  /** How many rows the list has now; undefined while it loads (a background export then). */
  rowCount: number | undefined;
  choices: readonly ExportChoice[];
}

function stringFilters(filters: ExportMenuProps['filters']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === '') continue;
    out[key] = String(value);
  }
  return out;
}

/**
 * The "Export" menu of a list screen: CSV, XLSX, PDF (and the screen's own exports) with the
 * screen's current filters. A small list downloads at once; a large one (more than 10,000 rows)
 * starts a background export, followed on the Exports screen with its progress.
 */
export function ExportMenu({ filters, rowCount, choices }: ExportMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const client = useQueryClient();
  const started = useMutation({
    mutationFn: createExportJob,
    onSuccess: () => client.invalidateQueries({ queryKey: ['export-jobs'] }),
  });
  const common = stringFilters(filters);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !container.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const itemClass =
    'block w-full px-4 py-2 text-left text-slate-900 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700';

  return (
    <div ref={container} className="relative inline-block">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {t('exports.menu.button')}
      </button>
      {open && (
        <ul
          id={menuId}
          aria-label={t('exports.menu.label')}
          className="absolute right-0 z-20 mt-1 min-w-56 rounded-md border border-slate-300 bg-white py-1 shadow-lg"
        >
          {choices.map((choice) => {
            // An entry's empty filter removes the screen's (a monthly export has no from/to).
            const choiceFilters = Object.fromEntries(
              Object.entries({ ...common, ...choice.filters }).filter(([, value]) => value !== ''),
            );
            const rows = choice.rows ?? rowCount;
            const limit = choice.directLimit ?? DIRECT_EXPORT_ROW_LIMIT;
            const label = choice.label ?? t(`exports.formats.${choice.format}`);
            const key = `${choice.kind}-${choice.format}-${label}`;
            if (rows !== undefined && rows <= limit) {
              return (
                <li key={key}>
                  <a
                    className={itemClass}
                    href={exportUrl(choice.kind, choice.format, choiceFilters)}
                    download
                    onClick={() => setOpen(false)}
                  >
                    {label}
                  </a>
                </li>
              );
            }
            return (
              <li key={key}>
                <button
                  type="button"
                  className={itemClass}
                  onClick={() => {
                    setOpen(false);
                    started.mutate({ kind: choice.kind, format: choice.format, filters: choiceFilters });
                  }}
                >
                  {t('exports.menu.inBackground', { label })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div aria-live="polite">
        {started.isSuccess && (
          <p role="status" className="mt-2 text-sm text-green-900">
            {t('exports.menu.started')}{' '}
            <Link to="/exports" className="font-medium underline">
              {t('exports.menu.follow')}
            </Link>
          </p>
        )}
      </div>
      {started.isError && (
        <div role="alert" className="mt-2 text-sm text-red-900">
          <RequestErrorMessage error={started.error} />
        </div>
      )}
    </div>
  );
}
