import { createAgentRequest, employmentStatusSchema, roles, updateAgentRequest } from '@ciao/domain';
import type { AgentView } from '@ciao/domain';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { CheckboxField } from '../../../components/checkbox-field';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { fieldErrorText, serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { EMPTY_AGENT, agentRequestBody, agentToForm, agentTypeChoices } from '../agent-form-values';
import type { AgentFormValues } from '../agent-form-values';
import { useAgentMutations, useSubcontractors } from '../hooks/use-agents';

type TextKey = Exclude<keyof AgentFormValues, 'mobileAccess' | 'active'>;

/**
 * Creating an agent (no `agent`) or editing one: checked here with the shared contract, then by the
 * server, whose per-field reasons (the NISS's, the ADM/GST rule) are shown under each field.
 */
export function AgentForm({ agent, onDone }: { agent?: AgentView; onDone: (saved?: AgentView) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const withCredentials = session.capabilities.includes('agentCredentials.write');
  const withUserRole = session.capabilities.includes('users.write');
  const subcontractors = useSubcontractors(true);
  const { create, update } = useAgentMutations();
  const initial = agent ? agentToForm(agent) : undefined;
  const [values, setValues] = useState<AgentFormValues>(initial ?? EMPTY_AGENT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = agent ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = agentRequestBody(values, {
      initial,
      withCredentials,
      withUserRole,
      nissMasked: agent?.nissMasked,
    });
    const onError = (error: Error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error));
    };
    if (agent) {
      const parsed = updateAgentRequest.safeParse(body);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
      setErrors({});
      if (Object.keys(parsed.data).length === 0) return onDone(agent);
      update.mutate({ agentId: agent.id, body: parsed.data }, { onSuccess: onDone, onError });
    } else {
      const parsed = createAgentRequest.safeParse(body);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
      setErrors({});
      create.mutate(parsed.data, { onSuccess: onDone, onError });
    }
  };

  const errorOf = (name: string, value?: string) =>
    errors[name] ? fieldErrorText(t, name, errors[name], value) : undefined;
  const field = (name: TextKey) => ({
    name,
    value: values[name],
    error: errorOf(name === 'employer' ? 'subcontractorId' : name, values[name]),
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  const employers = [
    { value: 'own', label: t('agents.form.ownCompany', { name: session.company.name }) },
    ...(subcontractors.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })),
  ];
  if (agent?.employer.subcontractorId && !employers.some((item) => item.value === values.employer)) {
    employers.push({ value: agent.employer.subcontractorId, label: agent.employer.name });
  }
  const hasFieldErrors = Object.keys(errors).length > 0;
  const title = agent
    ? t('agents.form.editTitle', { identifier: agent.identifier })
    : t('agents.form.newTitle');

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {mutation.isError && !hasFieldErrors && <OperationError error={mutation.error} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('agents.form.identifier')}
          hint={t('agents.form.identifierHint')}
          autoComplete="off"
          spellCheck={false}
          required
          {...field('identifier')}
        />
        <TextField
          label={t('agents.form.niss')}
          hint={agent?.nissMasked ? t('agents.form.nissMasked') : t('agents.form.nissHint')}
          autoComplete="off"
          inputMode="numeric"
          readOnly={agent?.nissMasked}
          {...field('niss')}
        />
        <TextField label={t('agents.form.firstName')} autoComplete="off" required {...field('firstName')} />
        <TextField label={t('agents.form.lastName')} autoComplete="off" required {...field('lastName')} />
        <SelectField
          label={t('agents.form.agentType')}
          options={agentTypeChoices(session.user.role, agent?.agentType).map((type) => ({
            value: type,
            label: agentTypeLabel(t, type),
          }))}
          {...field('agentType')}
        />
        <SelectField
          label={t('agents.form.employmentStatus')}
          options={employmentStatusSchema.options.map((status) => ({
            value: status,
            label: t(`agents.employment.${status}`),
          }))}
          {...field('employmentStatus')}
        />
        <SelectField label={t('agents.form.employer')} options={employers} {...field('employer')} />
        <SelectField
          label={t('agents.form.language')}
          options={SUPPORTED_LANGUAGES.map((language) => ({
            value: language,
            label: LANGUAGE_NAMES[language],
          }))}
          {...field('language')}
        />
        <TextField label={t('agents.form.activeFrom')} type="date" {...field('activeFrom')} />
        <TextField label={t('agents.form.activeUntil')} type="date" {...field('activeUntil')} />
        <CheckboxField
          label={t('agents.form.mobileAccess')}
          hint={t('agents.form.mobileAccessHint')}
          checked={values.mobileAccess}
          onChange={(event) => setValues({ ...values, mobileAccess: event.target.checked })}
        />
        {withCredentials && (
          <TextField
            label={t('agents.form.mobileIdentifier')}
            hint={t('agents.form.mobileIdentifierHint', { company: session.company.code })}
            autoComplete="off"
            spellCheck={false}
            {...field('mobileIdentifier')}
          />
        )}
        <CheckboxField
          className="sm:col-span-2"
          label={t('agents.form.active')}
          checked={values.active}
          onChange={(event) => setValues({ ...values, active: event.target.checked })}
        />
        {withUserRole && (agent === undefined || agent.user) && (
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-4 sm:col-span-2">
            <legend className="px-1 font-semibold text-slate-900">{t('agents.form.webUser')}</legend>
            <p className="max-w-prose text-sm text-slate-700">
              {agent?.user
                ? t('agents.form.webUserExisting', { login: agent.user.login })
                : t('agents.form.webUserNew')}
            </p>
            <SelectField
              className="max-w-sm"
              label={t('agents.form.userRole')}
              options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              {...field('userRole')}
            />
          </fieldset>
        )}
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
            {mutation.isPending
              ? t('agents.form.saving')
              : agent
                ? t('agents.form.save')
                : t('agents.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('agents.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

type AgentTypeKey = 'agents.types.FIELD' | 'agents.types.ADM' | 'agents.types.GST';
/** Only the keys used here: the whole catalogue's key union is too deep for TypeScript to check. */
type Translate = (key: AgentTypeKey) => string;

/** `FIELD` -> "Agent de terrain (FIELD)"; a company's own code as it is. */
export function agentTypeLabel(t: Translate, type: string): string {
  if (type === 'FIELD') return `${t('agents.types.FIELD')} (${type})`;
  if (type === 'ADM') return `${t('agents.types.ADM')} (${type})`;
  if (type === 'GST') return `${t('agents.types.GST')} (${type})`;
  return type;
}

/** The agent types every company has; a company may use its own codes beside them. */
export const agentTypes = ['FIELD', 'ADM', 'GST'] as const;
