import { createCorrectionRequestRequest, MAX_ONSS_BULK_IDS } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/list';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../../../components/text-field';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useOnssMutations, useOnssRegistrations } from '../hooks/use-onss';
import { OnssRemarksList } from './onss-remarks-list';
import { OnssStatusBadge } from './onss-status-badge';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AREA =
  'min-h-20 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700';

/** The ids of the registrations chosen on the list, from the address (`?ids=a,b`), each once. */
function chosenIds(text: string | null): string[] {
  return [...new Set((text ?? '').split(',').filter((id) => UUID.test(id)))].slice(0, MAX_ONSS_BULK_IDS);
}

/** A correction request for the registrations chosen on the list: a reason, evidence, one correction each. */
export function NewCorrectionRequest() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ids = chosenIds(params.get('ids'));
  const registrations = useOnssRegistrations(ids);
  const { createCorrection } = useOnssMutations();
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [corrections, setCorrections] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const reasonId = useId();
  const evidenceId = useId();

  if (ids.length === 0) {
    return (
      <EmptyState>
        {t('onss.corrections.noneChosen')}{' '}
        <Link to="/onss?view=refused" className="font-semibold text-brand-700 underline">
          {t('onss.corrections.chooseRefused')}
        </Link>
      </EmptyState>
    );
  }

  const fieldError = (path: string) =>
    errors[path] ? (errors[path] === 'TOO_BIG' ? t('fields.tooLong') : t('fields.required')) : undefined;

  return (
    <form
      noValidate
      className="space-y-6"
      aria-label={t('onss.corrections.new')}
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = createCorrectionRequestRequest.safeParse({
          registrationIds: ids,
          reason,
          evidence: evidence.trim() === '' ? undefined : evidence,
          items: ids.map((id) => ({ registrationId: id, requestedCorrection: corrections[id] ?? '' })),
        });
        if (!parsed.success) {
          setErrors(zodFieldErrors(parsed.error));
          return;
        }
        setErrors({});
        createCorrection.mutate(parsed.data, {
          onSuccess: (created) => void navigate(`/onss/corrections/${created.id}`),
        });
      }}
    >
      <h2 className="text-xl font-bold text-slate-900">{t('onss.corrections.new')}</h2>
      <p className="max-w-prose text-slate-700">{t('onss.corrections.newIntro', { count: ids.length })}</p>
      <div className="space-y-1">
        <label htmlFor={reasonId} className="block font-medium text-slate-800">
          {t('onss.corrections.reason')}
        </label>
        <textarea
          id={reasonId}
          className={AREA}
          value={reason}
          maxLength={2000}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${reasonId}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {errors.reason && (
          <p id={`${reasonId}-error`} className="text-sm font-medium text-red-800">
            {fieldError('reason')}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor={evidenceId} className="block font-medium text-slate-800">
          {t('onss.corrections.evidence')}
        </label>
        <textarea
          id={evidenceId}
          className={AREA}
          value={evidence}
          maxLength={5000}
          aria-describedby={`${evidenceId}-hint`}
          onChange={(event) => setEvidence(event.target.value)}
        />
        <p id={`${evidenceId}-hint`} className="text-sm text-slate-600">
          {t('onss.corrections.evidenceHint')}
        </p>
      </div>
      <ol className="space-y-4">
        {ids.map((id, index) => {
          const registration = registrations[index]?.data;
          const fieldId = `correction-${id}`;
          const error = fieldError(`items.${index}.requestedCorrection`);
          return (
            <li key={id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              {registration ? (
                <div className="space-y-1">
                  <p className="font-medium">
                    {registration.agent.name} · {registration.site.name} ·{' '}
                    {formatDateTime(registration.registrationTime, i18n.language)} (
                    {t(`onss.direction.${registration.direction}`)})
                  </p>
                  <OnssStatusBadge status={registration.status} />
                  <OnssRemarksList remarks={registration.remarks} />
                </div>
              ) : registrations[index]?.error ? (
                <OperationError error={registrations[index].error} />
              ) : (
                <p role="status">{t('list.loading')}</p>
              )}
              <label htmlFor={fieldId} className="block font-medium text-slate-800">
                {t('onss.corrections.requestedFor', { number: index + 1 })}
              </label>
              <textarea
                id={fieldId}
                className={AREA}
                value={corrections[id] ?? ''}
                maxLength={1000}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${fieldId}-error` : undefined}
                onChange={(event) => setCorrections((current) => ({ ...current, [id]: event.target.value }))}
              />
              {error && (
                <p id={`${fieldId}-error`} className="text-sm font-medium text-red-800">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {createCorrection.error && <OperationError error={createCorrection.error} />}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={PRIMARY_BUTTON} disabled={createCorrection.isPending}>
          {createCorrection.isPending ? t('list.saving') : t('onss.corrections.create')}
        </button>
        <Link to="/onss" className={SECONDARY_BUTTON}>
          {t('list.cancel')}
        </Link>
      </div>
    </form>
  );
}
