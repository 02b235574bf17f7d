import type { AnomalyView } from '@ciao/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../../../components/text-field';
import { OperationError } from '../../users/components/operation-error';
import { useAnomalyMutations } from '../hooks/use-anomalies';

/** Acknowledging (comment optional) or resolving (comment mandatory: an inspector reads it). */
export function AnomalyActionForm({
  anomaly,
  action,
  label,
  onDone,
}: {
  anomaly: AnomalyView;
  action: 'acknowledge' | 'resolve';
  label: string;
  onDone: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const mutations = useAnomalyMutations();
  const mutation = action === 'resolve' ? mutations.resolve : mutations.acknowledge;
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <form
      noValidate
      aria-label={label}
      className="min-w-72 space-y-2 text-left"
      onSubmit={(event) => {
        event.preventDefault();
        const text = comment.trim();
        if (action === 'resolve') {
          if (text === '') {
            setMissing(true);
            return;
          }
          mutations.resolve.mutate({ id: anomaly.id, comment: text }, { onSuccess: () => onDone(true) });
        } else {
          mutations.acknowledge.mutate(
            { id: anomaly.id, comment: text === '' ? undefined : text },
            { onSuccess: () => onDone(true) },
          );
        }
      }}
    >
      <label htmlFor={id} className="block font-medium text-slate-800">
        {action === 'resolve'
          ? t('anomalies.actions.resolveComment')
          : t('anomalies.actions.acknowledgeComment')}
      </label>
      <textarea
        id={id}
        className="min-h-20 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700"
        value={comment}
        maxLength={1000}
        aria-invalid={missing ? true : undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(event) => {
          setComment(event.target.value);
          setMissing(false);
        }}
      />
      {missing && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {t('anomalies.actions.commentRequired')}
        </p>
      )}
      {mutation.error && <OperationError error={mutation.error} />}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={mutation.isPending}>
          {action === 'resolve' ? t('anomalies.actions.resolve') : t('anomalies.actions.acknowledge')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone(false)}>
          {t('list.cancel')}
        </button>
      </div>
    </form>
  );
}
