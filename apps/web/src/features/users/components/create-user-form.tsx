import { WEB_PASSWORD_MIN_LENGTH, createUserRequest, roles } from '@ciao/domain';
import type { UserView } from '@ciao/domain';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { fieldErrorText, serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { useUserMutations } from '../hooks/use-users';
import { OperationError } from './operation-error';

const EMPTY = { login: '', displayName: '', email: '', language: 'fr', role: 'SUPERVISOR', password: '' };
type Field = keyof typeof EMPTY;

/** Creating a user: checked here with the shared contract, then by the server (field by field). */
export function CreateUserForm({ onDone }: { onDone: (created?: UserView) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { create } = useUserMutations();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createUserRequest.safeParse({ ...values, email: values.email.trim() || undefined });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (created) => onDone(created),
      onError: (error) => {
        if (error instanceof ApiError) setErrors(serverFieldErrors(error));
      },
    });
  };

  const field = (name: Field) => ({
    name,
    value: values[name],
    error: errors[name] ? fieldErrorText(t, name, errors[name], values[name]) : undefined,
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('users.create.title')}
      </h2>
      {create.isError && !hasFieldErrors && <OperationError error={create.error} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('users.create.login')}
          autoComplete="off"
          spellCheck={false}
          required
          {...field('login')}
        />
        <TextField
          label={t('users.create.displayName')}
          autoComplete="off"
          required
          {...field('displayName')}
        />
        <TextField label={t('users.create.email')} type="email" autoComplete="off" {...field('email')} />
        <SelectField
          label={t('users.create.language')}
          options={SUPPORTED_LANGUAGES.map((language) => ({
            value: language,
            label: LANGUAGE_NAMES[language],
          }))}
          {...field('language')}
        />
        <SelectField
          label={t('users.create.role')}
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...field('role')}
        />
        <TextField
          label={t('users.create.password')}
          hint={t('users.create.passwordHint', { min: WEB_PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          {...field('password')}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" disabled={create.isPending} className={PRIMARY_BUTTON}>
            {create.isPending ? t('users.create.submitting') : t('users.create.submit')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('users.create.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
