import { importColumns } from '@ciao/domain';
import type { ImportColumn, ImportKind } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/list';
import type { Column } from '../../../components/list';
import { columnTextKey } from '../import-file';

/** The columns of a kind's file, from the domain contract, with what each holds in the user's language. */
export function ImportColumnsTable({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const headingId = useId();
  const columns: Column<ImportColumn>[] = [
    {
      id: 'name',
      header: t('imports.columnsTable.column'),
      cell: (column) => <code className="font-mono text-slate-900">{column.name}</code>,
    },
    {
      id: 'required',
      header: t('imports.columnsTable.required'),
      cell: (column) =>
        column.required ? (
          <span className="font-semibold text-slate-900">{t('imports.columnsTable.yes')}</span>
        ) : (
          t('imports.columnsTable.no')
        ),
    },
    {
      id: 'description',
      header: t('imports.columnsTable.description'),
      // The contract's English text stays the fallback of a column without a translation yet.
      cell: (column) => t(columnTextKey(kind, column.name), { defaultValue: column.description }),
    },
  ];
  return (
    <div className="space-y-2">
      <h3 id={headingId} className="font-semibold text-slate-900">
        {t('imports.columnsTable.title')}
      </h3>
      <DataTable
        columns={columns}
        rows={importColumns[kind]}
        rowKey={(column) => column.name}
        minWidth="24rem"
        labelledBy={headingId}
      />
    </div>
  );
}
