import { formatDate, formatDateTime } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, ListStatus } from '../../../components/list';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../../../components/text-field';
import { correctionCsvUrl, correctionPdfUrl } from '../api/onss-api';
import { useSignedIn } from '../../../app/session-context';
import { OperationError } from '../../users/components/operation-error';
import { useCorrectionRequest, useCorrectionRequestStatus } from '../hooks/use-onss';
import { DeadlineText } from './deadline-text';
import { OnssRemarksList } from './onss-remarks-list';
import { OnssStatusBadge } from './onss-status-badge';

/** One correction request: why, the evidence, each registration with the correction asked, downloads. */
export function CorrectionRequestDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const request = useCorrectionRequest(id);
  const changeStatus = useCorrectionRequestStatus(id);
  const canWrite = useSignedIn().capabilities.includes('onssCorrections.write');
  const data = request.data;
  // A draft is sent to ONSS by the company (the PDF and CSV below); marking it sent stops the
  // deadline reminders, and ONSS's answer closes it.
  const nextStatus =
    data?.status === 'draft' ? 'submitted' : data?.status === 'submitted' ? 'answered' : undefined;

  return (
    <div className="space-y-6">
      <Link to="/onss/corrections" className="font-semibold text-brand-700 underline">
        {t('onss.corrections.back')}
      </Link>
      <ListStatus
        isPending={request.isPending}
        error={request.error}
        onRetry={() => void request.refetch()}
      />
      {data && (
        <>
          <h2 className="text-xl font-bold text-slate-900">
            {t('onss.corrections.title', { reference: data.reference })}
          </h2>
          <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2">
            <div>
              <dt className="text-sm font-medium text-slate-600">{t('onss.corrections.reason')}</dt>
              <dd className="whitespace-pre-line">{data.reason}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-600">{t('onss.corrections.evidence')}</dt>
              <dd className="whitespace-pre-line">{data.evidence ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-600">{t('onss.corrections.createdAt')}</dt>
              <dd>{formatDateTime(data.createdAt, i18n.language)}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-600">{t('onss.corrections.statusLabel')}</dt>
              <dd>
                {t(`onss.corrections.statuses.${data.status}`)}
                {data.submittedAt &&
                  ` — ${t('onss.corrections.submittedAt', { when: formatDateTime(data.submittedAt, i18n.language) })}`}
              </dd>
            </div>
          </dl>
          {canWrite && nextStatus && (
            <div className="space-y-2">
              <button
                type="button"
                className={PRIMARY_BUTTON}
                disabled={changeStatus.isPending}
                onClick={() => changeStatus.mutate(nextStatus)}
              >
                {t(`onss.corrections.mark.${nextStatus}`)}
              </button>
              <p className="max-w-prose text-sm text-slate-700">
                {t(`onss.corrections.markHint.${nextStatus}`)}
              </p>
              {changeStatus.isError && <OperationError error={changeStatus.error} />}
            </div>
          )}
          <div className="flex flex-wrap gap-3">
            <a className={SECONDARY_BUTTON} href={correctionCsvUrl(data.id)} download>
              {t('onss.corrections.downloadCsv')}
            </a>
            <a className={SECONDARY_BUTTON} href={correctionPdfUrl(data.id)} download>
              {t('onss.corrections.downloadPdf')}
            </a>
          </div>
          <DataTable
            minWidth="56rem"
            rows={data.items}
            rowKey={(item) => item.id}
            columns={[
              {
                id: 'registration',
                header: t('onss.corrections.registration'),
                cell: (item) => (
                  <>
                    <Link
                      to={`/onss/registrations/${item.registration.id}`}
                      className="font-medium text-brand-700 underline"
                    >
                      {formatDateTime(item.registration.registrationTime, i18n.language)} —{' '}
                      {t(`onss.direction.${item.registration.direction}`)}
                    </Link>
                    <br />
                    {item.registration.agent.name} · {item.registration.site.name}
                  </>
                ),
              },
              {
                id: 'status',
                header: t('onss.columns.status'),
                cell: (item) => (
                  <>
                    <OnssStatusBadge status={item.registration.status} />
                    <OnssRemarksList remarks={item.registration.remarks} />
                  </>
                ),
              },
              {
                id: 'requested',
                header: t('onss.corrections.requested'),
                cell: (item) => item.requestedCorrection,
              },
              {
                id: 'deadline',
                header: t('onss.corrections.deadline'),
                cell: (item) => (
                  <>
                    {formatDate(`${item.deadline}T12:00:00Z`, i18n.language)}
                    <br />
                    <DeadlineText deadline={item.deadline} />
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
