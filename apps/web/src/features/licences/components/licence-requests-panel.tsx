import { LICENCE_MAX_DEVICES } from '@ciao/domain';
import type { LicenceRequestSummary } from '@ciao/domain';
import { formatDate, formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { EmptyState, ListStatus, Notice } from '../../../components/list';
import { TextAreaField } from '../../../components/text-area-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { OperationError } from '../../users/components/operation-error';
import { useAskLicenceCode, useLicenceRequests } from '../hooks/use-licences';

const STATUS_STYLES = {
  open: 'border-amber-300 bg-amber-50 text-amber-900',
  answered: 'border-green-300 bg-green-50 text-green-900',
  refused: 'border-red-300 bg-red-50 text-red-900',
} as const;

export function LicenceRequestStatusBadge({ status }: { status: LicenceRequestSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${STATUS_STYLES[status]}`}
    >
      {t(`licences.requests.status.${status}`)}
    </span>
  );
}

function AskForm({ onDone }: { onDone: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ask = useAskLicenceCode();
  const [reason, setReason] = useState('');
  const [maxDevices, setMaxDevices] = useState('10');
  const [errors, setErrors] = useState<{ reason?: boolean; maxDevices?: boolean }>({});
  const [failure, setFailure] = useState<unknown>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const quota = Number(maxDevices);
    const found = {
      reason: reason.trim().length < 3,
      maxDevices: !/^\d+$/.test(maxDevices.trim()) || quota < 1 || quota > LICENCE_MAX_DEVICES,
    };
    setErrors(found);
    if (found.reason || found.maxDevices) return;
    setFailure(undefined);
    ask.mutate(
      { reason: reason.trim(), maxDevices: quota },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'CONFLICT')
            setFailure(t('licences.requests.tooMany'));
          else setFailure(error);
        },
      },
    );
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm"
    >
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('licences.requests.formTitle')}
      </h3>
      {typeof failure === 'string' ? (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {failure}
        </p>
      ) : (
        failure !== undefined && <OperationError error={failure} />
      )}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-3">
        <TextAreaField
          className="sm:col-span-2"
          label={t('licences.requests.reason')}
          hint={t('licences.requests.reasonHint')}
          required
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.reason ? t('licences.requests.reasonMissing') : undefined}
        />
        <TextField
          label={t('licences.form.maxDevices')}
          hint={t('licences.form.maxDevicesHint', { max: LICENCE_MAX_DEVICES })}
          type="number"
          inputMode="numeric"
          min={1}
          max={LICENCE_MAX_DEVICES}
          required
          value={maxDevices}
          onChange={(event) => setMaxDevices(event.target.value)}
          error={
            errors.maxDevices ? t('licences.form.maxDevicesInvalid', { max: LICENCE_MAX_DEVICES }) : undefined
          }
        />
        <div className="flex flex-wrap gap-3 sm:col-span-3">
          <button type="submit" className={PRIMARY_BUTTON} disabled={ask.isPending}>
            {ask.isPending ? t('licences.requests.sending') : t('licences.requests.send')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone(false)}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The company's requests for a new licence code, answered by the ciao operator: administrators ask
 * (why, how many devices), everyone who sees licences reads the answers.
 */
export function LicenceRequestsPanel() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const canWrite = useSignedIn().capabilities.includes('licences.write');
  const requests = useLicenceRequests();
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string>();
  const items = requests.data?.items ?? [];

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id={headingId} className="text-xl font-semibold text-slate-900">
            {t('licences.requests.title')}
          </h2>
          <p className="mt-1 max-w-prose text-slate-700">{t('licences.requests.intro')}</p>
        </div>
        {canWrite && !asking && (
          <button
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() => {
              setNotice(undefined);
              setAsking(true);
            }}
          >
            {t('licences.requests.ask')}
          </button>
        )}
      </div>
      <Notice message={notice} />
      {asking && (
        <AskForm
          onDone={(sent) => {
            setAsking(false);
            if (sent) setNotice(t('licences.requests.sent'));
          }}
        />
      )}
      <ListStatus
        isPending={requests.isPending}
        error={requests.error}
        onRetry={() => void requests.refetch()}
      />
      {requests.isSuccess && items.length === 0 && <EmptyState>{t('licences.requests.empty')}</EmptyState>}
      {items.length > 0 && (
        <ul className="space-y-3" data-testid="licence-requests">
          {items.map((request) => (
            <li key={request.id} className="rounded-md border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-3">
                <LicenceRequestStatusBadge status={request.status} />
                <span className="font-medium text-slate-900">
                  {t('licences.requests.quota', { count: request.requestedMaxDevices })}
                </span>
                <span className="text-slate-700">
                  {t('licences.requests.askedOn', {
                    date: formatDateTime(request.createdAt, i18n.language),
                    name: request.requestedBy?.displayName ?? '—',
                  })}
                </span>
              </div>
              <p className="mt-2 whitespace-pre-line text-slate-800">{request.reason}</p>
              {request.status !== 'open' && (
                <div className="mt-3 rounded-md bg-slate-50 p-3 text-slate-800">
                  <p className="font-medium">
                    {request.status === 'answered'
                      ? t('licences.requests.answeredWith', {
                          hint: request.licence?.codeHint ?? '',
                          date: request.answeredAt ? formatDate(request.answeredAt, i18n.language) : '',
                        })
                      : t('licences.requests.refusedOn', {
                          date: request.answeredAt ? formatDate(request.answeredAt, i18n.language) : '',
                        })}
                  </p>
                  {request.answer && <p className="mt-1 whitespace-pre-line">{request.answer}</p>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
