import type { ExportJobView } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ListStatus, ScreenHeader } from '../../../components/list';
import { exportJobFileUrl } from '../../../lib/exports-api';
import { useExportJobs } from '../hooks/use-export-jobs';

function percentOf(job: ExportJobView): number {
  if (job.status === 'done') return 100;
  if (!job.rowsTotal) return 0;
  return Math.min(100, Math.round((job.rowsDone / job.rowsTotal) * 100));
}

/** One job's progress: a real progress bar, with the rows written beside it. */
function JobProgress({ job, label }: { job: ExportJobView; label: string }) {
  const { t } = useTranslation();
  const percent = percentOf(job);
  return (
    <div className="min-w-40">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-blue-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {t(`exports.status.${job.status}`)}
        {job.rowsTotal !== null && ` · ${t('exports.rows', { done: job.rowsDone, total: job.rowsTotal })}`}
      </p>
    </div>
  );
}

/** `/exports`: my background exports with their progress and, when ready, the file. */
export function ExportsScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const headingId = useId();
  const jobs = useExportJobs();

  return (
    <div className="space-y-6">
      <ScreenHeader headingId={headingId} title={t('exports.title')} intro={t('exports.intro')} />
      <ListStatus isPending={jobs.isPending} error={jobs.error} onRetry={() => void jobs.refetch()} />
      {jobs.data && jobs.data.items.length === 0 && <p className="text-slate-700">{t('exports.empty')}</p>}
      {jobs.data && jobs.data.items.length > 0 && (
        <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t('exports.caption')}</caption>
            <thead className="bg-slate-100 text-slate-900">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('exports.columns.what')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('exports.columns.createdAt')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('exports.columns.progress')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('exports.columns.file')}
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.items.map((job) => {
                const what = `${t(`exports.kinds.${job.kind}`)} · ${job.format.toUpperCase()}`;
                return (
                  <tr key={job.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2 font-medium text-slate-900">{what}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(job.createdAt, language)}</td>
                    <td className="px-3 py-2">
                      <JobProgress job={job} label={t('exports.progressLabel', { what })} />
                    </td>
                    <td className="px-3 py-2">
                      {job.status === 'done' && job.fileName && (
                        <>
                          <a
                            href={exportJobFileUrl(job.id)}
                            download={job.fileName}
                            className="font-medium text-blue-800 underline"
                          >
                            {t('exports.download', { name: job.fileName })}
                          </a>
                          <span className="block text-sm text-slate-700">
                            {t('exports.expiresAt', { date: formatDateTime(job.expiresAt, language) })}
                          </span>
                        </>
                      )}
                      {job.status === 'failed' && <span className="text-red-900">{job.error}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
