import { localDate } from '@ciao/domain';
import type { ApiKeySummary } from '@ciao/domain';
import { TIME_ZONE } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { serverFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { emptyApiKeyForm, toCreateApiKeyRequest } from '../api-key-form-values';
import type { ApiKeyFormValues } from '../api-key-form-values';
import { useApiKeyMutations } from '../hooks/use-api-keys';

/** A new API key for an integration (administrators). */
export function CreateApiKeyForm({
  onDone,
}: {
  onDone: (created?: { key: string; apiKey: ApiKeySummary }) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { create } = useApiKeyMutations();
  const [values, setValues] = useState<ApiKeyFormValues>(emptyApiKeyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const today = localDate(new Date(), TIME_ZONE);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toCreateApiKeyRequest(values, today);
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
        {t('apiKeys.form.title')}
      </h2>
      {failure !== undefined && <OperationError error={failure} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('apiKeys.form.name')}
          hint={t('apiKeys.form.nameHint')}
          value={values.name}
          maxLength={100}
          required
          onChange={(event) => setValues({ ...values, name: event.target.value })}
          error={errors.name ? t('apiKeys.form.nameRequired') : undefined}
        />
        <TextField
          label={t('apiKeys.form.expiresOn')}
          hint={t('apiKeys.form.expiresOnHint')}
          type="date"
          min={today}
          value={values.expiresOn}
          onChange={(event) => setValues({ ...values, expiresOn: event.target.value })}
          error={errors.expiresAt ? t('apiKeys.form.expiryInPast') : undefined}
        />
        <CheckboxField
          className="sm:col-span-2"
          label={t('apiKeys.form.write')}
          hint={t('apiKeys.form.writeHint')}
          checked={values.write}
          onChange={(event) => setValues({ ...values, write: event.target.checked })}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>
            {create.isPending ? t('apiKeys.form.creating') : t('apiKeys.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
