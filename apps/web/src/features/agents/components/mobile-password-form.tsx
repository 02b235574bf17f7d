import { MOBILE_PASSWORD_MIN_LENGTH, setAgentMobilePasswordRequest } from '@ciao/domain';
import type { AgentView } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { serverFieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useAgentMutations } from '../hooks/use-agents';

/** Setting or resetting an agent's app password: it is sent once and never shown again. */
export function MobilePasswordForm({ agent }: { agent: AgentView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { setMobilePassword } = useAgentMutations();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!setAgentMobilePasswordRequest.safeParse({ password }).success) {
      setError(t('fields.passwordTooShort', { min: MOBILE_PASSWORD_MIN_LENGTH }));
      return;
    }
    setError(undefined);
    setMobilePassword.mutate(
      { agentId: agent.id, password },
      {
        onSuccess: () => {
          setPassword('');
          setDone(true);
        },
        onError: (failure) => {
          if (failure instanceof ApiError && serverFieldErrors(failure).password) {
            setError(t('fields.passwordTooShort', { min: MOBILE_PASSWORD_MIN_LENGTH }));
          }
        },
      },
    );
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('agents.password.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {agent.hasMobilePassword ? t('agents.password.isSet') : t('agents.password.notSet')}
      </p>
      {setMobilePassword.isError && !error && <OperationError error={setMobilePassword.error} />}
      <div aria-live="polite">
        {done && (
          <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            {t('agents.password.saved', { identifier: agent.identifier })}
          </p>
        )}
      </div>
      <form noValidate onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          label={t('agents.password.label')}
          hint={t('agents.password.hint', { min: MOBILE_PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={password}
          error={error}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" disabled={setMobilePassword.isPending} className={SECONDARY_BUTTON}>
          {setMobilePassword.isPending ? t('agents.form.saving') : t('agents.password.submit')}
        </button>
      </form>
    </section>
  );
}
