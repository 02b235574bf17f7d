import type { PlatformLicenceRequest } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ListStatus, Notice, ScreenHeader } from '../../../components/list';
import { OneTimeSecret } from '../../../components/one-time-secret';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/text-area-field';
import { PRIMARY_BUTTON, TextField } from '../../../components/text-field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { LicenceRequestStatusBadge } from '../../licences/components/licence-requests-panel';
import { platformApi } from '../api/platform-api';
import { usePlatformLicenceRequests, usePlatformMutation } from '../hooks/use-platform';
import { PlatformError } from './platform-frame';
import { useCodeTexts } from './tenant-screen';

function AnswerForm({
  request,
  onAnswered,
}: {
  request: PlatformLicenceRequest;
  onAnswered: (result: { code: string | null; tenantCode: string }) => void;
}) {
  const { t } = useTranslation();
  const answer = usePlatformMutation((body: Parameters<typeof platformApi.answerRequest>[1]) =>
    platformApi.answerRequest(request.id, body),
  );
  const [decision, setDecision] = useState<'issue' | 'refuse'>('issue');
  const [maxDevices, setMaxDevices] = useState(String(request.requestedMaxDevices));
  const [expires, setExpires] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decision === 'refuse' && text.trim().length < 3) {
      setError(t('platform.requests.reasonMissing'));
      return;
    }
    if (decision === 'issue' && (!/^\d+$/.test(maxDevices.trim()) || Number(maxDevices) < 1)) {
      setError(t('platform.licences.quotaInvalid', { max: 10000 }));
      return;
    }
    setError(undefined);
    setFailure(undefined);
    answer.mutate(
      decision === 'issue'
        ? {
            decision,
            maxDevices: Number(maxDevices),
            expires: expires || undefined,
            note: text.trim() || undefined,
          }
        : { decision, reason: text.trim() },
      {
        onSuccess: (result) => onAnswered({ code: result.code, tenantCode: request.tenant.code }),
        onError: setFailure,
      },
    );
  };
  return (
    <form
      noValidate
      onSubmit={submit}
      className="mt-3 grid gap-4 border-t border-slate-200 pt-3 sm:grid-cols-3"
    >
      {failure !== undefined && (
        <div className="sm:col-span-3">
          <PlatformError error={failure} />
        </div>
      )}
      <SelectField
        label={t('platform.requests.decision')}
        value={decision}
        onChange={(event) => setDecision(event.target.value as 'issue' | 'refuse')}
        options={[
          { value: 'issue', label: t('platform.requests.issue') },
          { value: 'refuse', label: t('platform.requests.refuse') },
        ]}
      />
      {decision === 'issue' && (
        <>
          <TextField
            label={t('platform.licences.quota')}
            type="number"
            inputMode="numeric"
            min={1}
            value={maxDevices}
            onChange={(event) => setMaxDevices(event.target.value)}
            error={error}
          />
          <TextField
            label={t('platform.licences.expires')}
            type="date"
            value={expires}
            onChange={(event) => setExpires(event.target.value)}
          />
        </>
      )}
      <TextAreaField
        className="sm:col-span-3"
        label={decision === 'issue' ? t('platform.requests.note') : t('platform.requests.reason')}
        hint={decision === 'issue' ? t('platform.requests.noteHint') : t('platform.requests.reasonHint')}
        maxLength={1000}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={decision === 'refuse' ? error : undefined}
      />
      <div className="sm:col-span-3">
        <button type="submit" className={PRIMARY_BUTTON} disabled={answer.isPending}>
          {decision === 'issue' ? t('platform.requests.submitIssue') : t('platform.requests.submitRefuse')}
        </button>
      </div>
    </form>
  );
}

/** `/platform/licence-requests`: the companies' requests for a code, answered here (issue or refuse). */
export function LicenceRequestsScreen() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('platform.requests.title'));
  const headingId = useId();
  const [status, setStatus] = useState('open');
  const requests = usePlatformLicenceRequests(status);
  const codeTexts = useCodeTexts();
  const [issued, setIssued] = useState<{ code: string; tenantCode: string }>();
  const [notice, setNotice] = useState<string>();
  const items = requests.data?.items ?? [];
  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('platform.requests.title')}
        intro={t('platform.requests.intro')}
      />
      <Notice message={notice} />
      {issued && (
        <OneTimeSecret
          title={t('platform.requests.codeFor', { code: issued.tenantCode })}
          secret={issued.code}
          secretClassName="text-3xl tracking-widest"
          testId="platform-licence-code"
          texts={codeTexts}
          onClose={() => setIssued(undefined)}
        />
      )}
      <SelectField
        className="max-w-xs"
        label={t('platform.requests.filter')}
        value={status}
        onChange={(event) => setStatus(event.target.value)}
        options={[
          { value: 'open', label: t('licences.requests.status.open') },
          { value: 'answered', label: t('licences.requests.status.answered') },
          { value: 'refused', label: t('licences.requests.status.refused') },
          { value: '', label: t('list.all') },
        ]}
      />
      <ListStatus
        isPending={requests.isPending}
        error={requests.error}
        onRetry={() => void requests.refetch()}
      />
      {requests.isSuccess && items.length === 0 && <EmptyState>{t('platform.requests.empty')}</EmptyState>}
      {items.length > 0 && (
        <ul className="space-y-4" aria-labelledby={headingId}>
          {items.map((request) => (
            <li
              key={request.id}
              className="rounded-md border border-slate-200 bg-white p-4"
              data-testid="platform-licence-request"
            >
              <div className="flex flex-wrap items-center gap-3">
                <LicenceRequestStatusBadge status={request.status} />
                <span className="font-semibold text-slate-900">{`${request.tenant.code} — ${request.tenant.name}`}</span>
                <span className="text-slate-700">
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
              {request.answer && (
                <p className="mt-2 rounded-md bg-slate-50 p-3 whitespace-pre-line text-slate-800">
                  {request.answer}
                </p>
              )}
              {request.status === 'open' && (
                <AnswerForm
                  request={request}
                  onAnswered={(result) => {
                    if (result.code) setIssued({ code: result.code, tenantCode: result.tenantCode });
                    else setNotice(t('platform.requests.refused', { code: result.tenantCode }));
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
