import { createSubcontractorRequest, updateSubcontractorRequest } from '@ciao/domain';
import type { SubcontractorView } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { fieldErrorText, serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useSubcontractorMutations } from '../hooks/use-subcontractors';
import {
  EMPTY_SUBCONTRACTOR,
  subcontractorIdentifierErrors,
  subcontractorRequestBody,
  subcontractorToForm,
} from '../subcontractor-form-values';
import type { SubcontractorFormValues } from '../subcontractor-form-values';

type TextKey = Exclude<keyof SubcontractorFormValues, 'active'>;

/**
 * Creating a subcontractor company (no `subcontractor`) or editing one. ONSS needs its employer:
 * a Belgian enterprise number, checked here with the server's parser, or a foreign VAT number.
 */
export function SubcontractorForm({
  subcontractor,
  onDone,
}: {
  subcontractor?: SubcontractorView;
  onDone: (saved?: SubcontractorView) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { create, update } = useSubcontractorMutations();
  const initial = subcontractor ? subcontractorToForm(subcontractor) : undefined;
  const [values, setValues] = useState<SubcontractorFormValues>(initial ?? EMPTY_SUBCONTRACTOR);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = subcontractor ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = subcontractorRequestBody(values, initial);
    const parsed = (subcontractor ? updateSubcontractorRequest : createSubcontractorRequest).safeParse(body);
    const found = {
      ...(parsed.success ? {} : zodFieldErrors(parsed.error)),
      ...subcontractorIdentifierErrors(values),
    };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    const onError = (error: Error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error));
    };
    if (subcontractor) {
      if (Object.keys(parsed.data).length === 0) return onDone(subcontractor);
      update.mutate({ subcontractorId: subcontractor.id, body: parsed.data }, { onSuccess: onDone, onError });
    } else {
      create.mutate(createSubcontractorRequest.parse(body), { onSuccess: onDone, onError });
    }
  };

  const errorOf = (name: string, value?: string) =>
    errors[name] ? fieldErrorText(t, name, errors[name], value) : undefined;
  const field = (name: TextKey) => ({
    name,
    value: values[name],
    error: errorOf(name, values[name]),
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {subcontractor
          ? t('subcontractors.form.editTitle', { name: subcontractor.name })
          : t('subcontractors.form.newTitle')}
      </h2>
      {mutation.isError && !hasFieldErrors && <OperationError error={mutation.error} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField
          className="sm:col-span-2"
          label={t('subcontractors.form.name')}
          autoComplete="off"
          required
          {...field('name')}
        />
        <TextField
          label={t('subcontractors.form.enterpriseNumber')}
          hint={t('subcontractors.form.enterpriseNumberHint')}
          autoComplete="off"
          spellCheck={false}
          {...field('enterpriseNumber')}
        />
        <TextField
          label={t('subcontractors.form.foreignVatNumber')}
          hint={t('subcontractors.form.foreignVatNumberHint')}
          autoComplete="off"
          spellCheck={false}
          {...field('foreignVatNumber')}
        />
        <TextField
          label={t('subcontractors.form.contactEmail')}
          type="email"
          autoComplete="off"
          {...field('contactEmail')}
        />
        <CheckboxField
          className="sm:col-span-2"
          label={t('subcontractors.form.active')}
          hint={t('subcontractors.form.activeHint')}
          checked={values.active}
          onChange={(event) => setValues({ ...values, active: event.target.checked })}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
            {mutation.isPending
              ? t('list.saving')
              : subcontractor
                ? t('list.save')
                : t('subcontractors.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
