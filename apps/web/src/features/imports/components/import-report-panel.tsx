import type { ImportProblem, ImportReport } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/list';
import type { Column } from '../../../components/list';
import { PROBLEMS_SHOWN, problemText } from '../import-problems';

/** The reason of one problem in the user's language, or the server's message for a code not known here. */
function ProblemReason({ problem }: { problem: ImportProblem }) {
  const { t } = useTranslation();
  const text = problemText(problem);
  if (text.key === undefined) return <>{text.message}</>;
  return <>{t(text.key, text.values)}</>;
}

/** A check's answer: how many lines, whether all are valid, and every problem by line and column. */
export function ImportReportPanel({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const headingId = useId();
  const problemLines = new Set(report.problems.map((problem) => problem.line)).size;
  const shown = report.problems.slice(0, PROBLEMS_SHOWN);
  const hidden = report.problems.length - shown.length;
  const columns: Column<ImportProblem & { index: number }>[] = [
    {
      id: 'line',
      header: t('imports.report.line'),
      cell: (problem) => problem.line,
      className: 'px-3 py-2 tabular-nums',
    },
    {
      id: 'field',
      header: t('imports.report.field'),
      cell: (problem) =>
        problem.field ? (
          <code className="font-mono text-slate-900">{problem.field}</code>
        ) : (
          <span className="italic">{t('imports.report.wholeLine')}</span>
        ),
    },
    {
      id: 'reason',
      header: t('imports.report.reason'),
      cell: (problem) => <ProblemReason problem={problem} />,
    },
  ];
  const lines = t('imports.report.lines', { count: report.rowCount });

  if (report.valid)
    return (
      <p className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        {lines} {t('imports.report.allValid')}
      </p>
    );
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
        <h3 id={headingId} className="font-semibold">
          {lines} {t('imports.report.problems', { count: report.problems.length, lines: problemLines })}
        </h3>
        <p className="mt-1">{t('imports.report.nothingWritten')}</p>
      </div>
      <DataTable
        columns={columns}
        rows={shown.map((problem, index) => ({ ...problem, index }))}
        rowKey={(problem) => String(problem.index)}
        minWidth="22rem"
        labelledBy={headingId}
      />
      {hidden > 0 && <p className="text-slate-700">{t('imports.report.more', { count: hidden })}</p>}
    </section>
  );
}
