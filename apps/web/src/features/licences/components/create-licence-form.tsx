import { LICENCE_MAX_DEVICES, localDate } from '@ciao/domain';
import type { LicenceSummary } from '@ciao/domain';
import { TIME_ZONE } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { serverFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useLicenceMutations } from '../hooks/use-licences';
import { emptyLicenceForm, toCreateLicenceRequest } from '../licence-form-values';
import type { LicenceFormValues } from '../licence-form-values';

/** A new licence code for the agent app (administrators). */
export function CreateLicenceForm({
  onDone,
}: {
  onDone: (created?: { code: string; licence: LicenceSummary }) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { create } = useLicenceMutations();
  const [values, setValues] = useState<LicenceFormValues>(emptyLicenceForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const today = localDate(new Date(), TIME_ZONE);

  const set = (field: keyof LicenceFormValues) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toCreateLicenceRequest(values, today);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.request, {
      onSuccess: (created) => onDone(created),
      onError: (error) => {
        const fields = error instanceof ApiError ? serverFieldErrors(error) : {};
        if (Object.keys(fields).length > 0) setErrors(fields);
        else setFailure(error);
      },
    });
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('licences.form.title')}
      </h2>
      {failure !== undefined && <OperationError error={failure} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('licences.form.label')}
          hint={t('licences.form.labelHint')}
          value={values.label}
          maxLength={100}
          onChange={set('label')}
          error={errors.label ? t('fields.tooLong') : undefined}
        />
        <TextField
          label={t('licences.form.maxDevices')}
          hint={t('licences.form.maxDevicesHint', { max: LICENCE_MAX_DEVICES })}
          type="number"
          inputMode="numeric"
          min={1}
          max={LICENCE_MAX_DEVICES}
          required
          value={values.maxDevices}
          onChange={set('maxDevices')}
          error={
            errors.maxDevices ? t('licences.form.maxDevicesInvalid', { max: LICENCE_MAX_DEVICES }) : undefined
          }
        />
        <TextField
          label={t('licences.form.expiresOn')}
          hint={t('licences.form.expiresOnHint')}
          type="date"
          min={today}
          value={values.expiresOn}
          onChange={set('expiresOn')}
          error={errors.expiresAt ? t('licences.form.expiryInPast') : undefined}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-3">
          <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>
            {create.isPending ? t('licences.form.creating') : t('licences.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
