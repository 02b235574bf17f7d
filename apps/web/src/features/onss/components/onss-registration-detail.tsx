import { onssRetryableStatuses } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../../app/session-context';
import { ListStatus, Notice } from '../../../components/list';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { OperationError } from '../../users/components/operation-error';
import { useOnssMutations, useOnssRegistration } from '../hooks/use-onss';
import { FollowUpEditor, FollowUpText } from './follow-up-editor';
import { OnssRemarksList } from './onss-remarks-list';
import { OnssStatusBadge } from './onss-status-badge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** One registration: who, where, when, what ONSS answered and when, its attempts and follow-up. */
export function OnssRegistrationDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { capabilities } = useSignedIn();
  const registration = useOnssRegistration(id);
  const { retry } = useOnssMutations();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string>();
  const when = (value: string | null) => (value ? formatDateTime(value, i18n.language) : '—');
  const data = registration.data;

  return (
    <div className="space-y-6">
      <Link to="/onss" className="font-semibold text-brand-700 underline">
        {t('onss.backToList')}
      </Link>
      <ListStatus
        isPending={registration.isPending}
        error={registration.error}
        onRetry={() => void registration.refetch()}
      />
      <Notice message={notice} />
      {data && (
        <>
          <h2 className="text-xl font-bold text-slate-900">
            {t('onss.detailTitle', { agent: data.agent.name, time: when(data.registrationTime) })}
          </h2>
          <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3">
            <Field label={t('onss.columns.agent')}>
              {data.agent.name} ({data.agent.identifier})
            </Field>
            <Field label={t('onss.columns.site')}>{data.site.name}</Field>
            <Field label={t('onss.columns.time')}>{when(data.registrationTime)}</Field>
            <Field label={t('onss.detail.direction')}>{t(`onss.direction.${data.direction}`)}</Field>
            <Field label={t('onss.columns.status')}>
              <OnssStatusBadge status={data.status} late={data.late} />
            </Field>
            <Field label={t('onss.detail.onssId')}>
              <span className="font-mono">{data.onssId ?? '—'}</span>
            </Field>
            <Field label={t('onss.detail.sentAt')}>{when(data.sentAt)}</Field>
            <Field label={t('onss.detail.registeredAt')}>{when(data.registeredAt)}</Field>
            <Field label={t('onss.detail.validatedAt')}>{when(data.validatedAt)}</Field>
            <Field label={t('onss.detail.attempts')}>{data.attempts}</Field>
            <Field label={t('onss.detail.nextAttemptAt')}>{when(data.nextAttemptAt)}</Field>
            {data.lastError && <Field label={t('onss.detail.lastError')}>{data.lastError}</Field>}
            {data.notApplicableReason && (
              <Field label={t('onss.detail.notApplicable')}>
                {t(
                  `onss.notApplicable.${data.notApplicableReason}` as 'onss.notApplicable.SITE_NOT_SUBJECT',
                  {
                    defaultValue: data.notApplicableReason,
                  },
                )}
              </Field>
            )}
          </dl>

          {data.remarks.length > 0 && (
            <section className="space-y-2">
              <h3 className="text-lg font-semibold">{t('onss.detail.remarks')}</h3>
              <OnssRemarksList remarks={data.remarks} />
            </section>
          )}

          {capabilities.includes('onssRegistrations.resend') &&
            (onssRetryableStatuses as readonly string[]).includes(data.status) && (
              <div className="space-y-2">
                <button
                  type="button"
                  className={SECONDARY_BUTTON}
                  disabled={retry.isPending}
                  onClick={() =>
                    retry.mutate(data.id, { onSuccess: () => setNotice(t('onss.detail.retried')) })
                  }
                >
                  {t('onss.detail.retry')}
                </button>
                {retry.error && <OperationError error={retry.error} />}
              </div>
            )}

          <section className="space-y-2">
            <h3 className="text-lg font-semibold">{t('onss.detail.history')}</h3>
            {data.validityHistory.length === 0 ? (
              <p className="text-slate-700">{t('onss.detail.noHistory')}</p>
            ) : (
              <ol className="space-y-2">
                {data.validityHistory.map((entry, index) => (
                  <li
                    key={`${entry.at}-${index}`}
                    className="rounded-md border border-slate-200 bg-white p-3"
                  >
                    <p>
                      <span className="font-medium">{when(entry.at)}</span> —{' '}
                      {t(`onss.validity.${entry.validity}` as 'onss.validity.pending', {
                        defaultValue: entry.validity,
                      })}
                    </p>
                    <OnssRemarksList remarks={entry.remarks} />
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="space-y-2">
            <h3 className="text-lg font-semibold">{t('onss.columns.followUp')}</h3>
            {editing ? (
              <FollowUpEditor
                registration={data}
                onDone={(saved) => {
                  setEditing(false);
                  if (saved) setNotice(t('onss.followUp.saved'));
                }}
              />
            ) : (
              <>
                <FollowUpText registration={data} />
                {data.correctionRequestId && (
                  <Link
                    to={`/onss/corrections/${data.correctionRequestId}`}
                    className="font-semibold text-brand-700 underline"
                  >
                    {t('onss.detail.correctionRequest')}
                  </Link>
                )}
                {capabilities.includes('onssFollowUp.write') && (
                  <div>
                    <button type="button" className={SECONDARY_BUTTON} onClick={() => setEditing(true)}>
                      {t('onss.followUp.edit')}
                    </button>
                  </div>
                )}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
