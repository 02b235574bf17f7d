import { createClientRequest, updateClientRequest } from '@ciao/domain';
import type { ClientView } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AddressFields } from '../../../components/address-fields';
import { CheckboxField } from '../../../components/checkbox-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { fieldErrorText, serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { EMPTY_CLIENT, clientIdentifierErrors, clientRequestBody, clientToForm } from '../client-form-values';
import type { ClientFormValues } from '../client-form-values';
import { useClientMutations } from '../hooks/use-clients';

type TextKey = Exclude<keyof ClientFormValues, 'address' | 'active'>;

/**
 * Creating a client (no `client`) or editing one: checked here with the shared contract and the
 * enterprise-number parser, then by the server, whose reasons are shown under each field.
 */
export function ClientForm({
  client,
  onDone,
}: {
  client?: ClientView;
  onDone: (saved?: ClientView) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { create, update } = useClientMutations();
  const initial = client ? clientToForm(client) : undefined;
  const [values, setValues] = useState<ClientFormValues>(initial ?? EMPTY_CLIENT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = client ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = clientRequestBody(values, initial);
    const parsed = (client ? updateClientRequest : createClientRequest).safeParse(body);
    const found = {
      ...(parsed.success ? {} : zodFieldErrors(parsed.error)),
      ...clientIdentifierErrors(values),
    };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    const onError = (error: Error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error));
    };
    if (client) {
      if (Object.keys(parsed.data).length === 0) return onDone(client);
      update.mutate({ clientId: client.id, body: parsed.data }, { onSuccess: onDone, onError });
    } else {
      create.mutate(createClientRequest.parse(body), { onSuccess: onDone, onError });
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
        {client ? t('clients.form.editTitle', { name: client.name }) : t('clients.form.newTitle')}
      </h2>
      {mutation.isError && !hasFieldErrors && <OperationError error={mutation.error} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField label={t('clients.form.name')} autoComplete="off" required {...field('name')} />
        <TextField
          label={t('clients.form.reference')}
          hint={t('clients.form.referenceHint')}
          autoComplete="off"
          {...field('reference')}
        />
        <TextField
          label={t('clients.form.enterpriseNumber')}
          hint={t('clients.form.enterpriseNumberHint')}
          autoComplete="off"
          spellCheck={false}
          {...field('enterpriseNumber')}
        />
        <TextField
          label={t('clients.form.vatNumber')}
          hint={t('clients.form.vatNumberHint')}
          autoComplete="off"
          spellCheck={false}
          {...field('vatNumber')}
        />
        <TextField label={t('clients.form.contactName')} autoComplete="off" {...field('contactName')} />
        <TextField
          label={t('clients.form.contactEmail')}
          type="email"
          autoComplete="off"
          {...field('contactEmail')}
        />
        <TextField
          label={t('clients.form.contactPhone')}
          type="tel"
          autoComplete="off"
          {...field('contactPhone')}
        />
        <AddressFields
          className="sm:col-span-2"
          value={values.address}
          onChange={(address) => setValues({ ...values, address })}
          errorOf={errorOf}
        />
        <CheckboxField
          className="sm:col-span-2"
          label={t('clients.form.active')}
          hint={t('clients.form.activeHint')}
          checked={values.active}
          onChange={(event) => setValues({ ...values, active: event.target.checked })}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
            {mutation.isPending ? t('list.saving') : client ? t('list.save') : t('clients.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
