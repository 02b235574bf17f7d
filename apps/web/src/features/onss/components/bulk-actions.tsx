import { onssFollowUpStatusSchema, type OnssBulkResult } from '@ciao/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SelectField } from '../../../components/select-field';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { OperationError } from '../../users/components/operation-error';
import { summarizeBulk } from '../bulk-result';
import { useOnssMutations } from '../hooks/use-onss';

/** What the selected registrations can have done to them, by right, with a summary of the outcome. */
export function BulkActions({
  ids,
  rights,
  onDone,
}: {
  ids: string[];
  rights: { followUp: boolean; resend: boolean; corrections: boolean };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { bulkFollowUp, bulkRetry } = useOnssMutations();
  const [status, setStatus] = useState('to_check');
  const [result, setResult] = useState<OnssBulkResult>();
  const error = bulkFollowUp.error ?? bulkRetry.error;
  const busy = bulkFollowUp.isPending || bulkRetry.isPending;
  const finished = (outcome: OnssBulkResult) => {
    setResult(outcome);
    onDone();
  };
  const summary = result ? summarizeBulk(result) : undefined;

  return (
    <section
      aria-label={t('onss.bulk.label')}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <p className="font-medium" aria-live="polite">
        {t('onss.bulk.selected', { count: ids.length })}
      </p>
      {ids.length > 0 && (
        <div className="flex flex-wrap items-end gap-3">
          {rights.followUp && (
            <>
              <SelectField
                label={t('onss.bulk.followUpStatus')}
                value={status}
                onChange={(event) => setStatus(event.target.value)}
                options={onssFollowUpStatusSchema.options.map((value) => ({
                  value,
                  label: t(`onss.followUpStatus.${value}`),
                }))}
              />
              <button
                type="button"
                className={SECONDARY_BUTTON}
                disabled={busy}
                onClick={() => {
                  setResult(undefined);
                  bulkFollowUp.mutate(
                    { ids, status: onssFollowUpStatusSchema.parse(status) },
                    { onSuccess: finished },
                  );
                }}
              >
                {t('onss.bulk.applyFollowUp')}
              </button>
            </>
          )}
          {rights.resend && (
            <button
              type="button"
              className={SECONDARY_BUTTON}
              disabled={busy}
              onClick={() => {
                setResult(undefined);
                bulkRetry.mutate(ids, { onSuccess: finished });
              }}
            >
              {t('onss.bulk.retry')}
            </button>
          )}
          {rights.corrections && (
            <button
              type="button"
              className={SECONDARY_BUTTON}
              onClick={() => void navigate(`/onss/corrections/new?ids=${ids.join(',')}`)}
            >
              {t('onss.bulk.correction')}
            </button>
          )}
        </div>
      )}
      {error && <OperationError error={error} />}
      {summary && (
        <div role="status" className="rounded-md border border-slate-300 bg-white p-3">
          <p>{t('onss.bulk.done', { count: summary.done })}</p>
          {summary.refused.map((refusal) => (
            <p key={refusal.code} className="text-red-800">
              {t('onss.bulk.refused', {
                count: refusal.count,
                reason: t(
                  `onss.bulk.reasons.${refusal.code === 'CONFLICT' || refusal.code === 'NOT_FOUND' ? refusal.code : 'OTHER'}`,
                ),
              })}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
