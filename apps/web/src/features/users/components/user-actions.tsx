import { WEB_PASSWORD_MIN_LENGTH, roles, webPassword } from '@ciao/domain';
import type { Role, UserView } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { fieldErrorText } from '../../../lib/field-errors';
import { InviteUserButton } from '../../password-links/components/invite-user-button';
import { useUserMutations } from '../hooks/use-users';
import { OperationError } from './operation-error';

/** One user's administration: role, enable or disable, a new password, reset of two-step sign-in. */
export function UserActions({
  user,
  onClose,
  onChanged,
}: {
  user: UserView;
  onClose: () => void;
  /** The user as the server answered after a change of role or active flag. */
  onChanged: (user: UserView) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const mutations = useUserMutations();
  const [role, setRole] = useState<Role>(user.role);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<unknown>();

  const working =
    mutations.update.isPending || mutations.setPassword.isPending || mutations.resetSecondFactor.isPending;
  const login = user.login;
  const callbacks = (message: string) => ({
    onSuccess: (answer: UserView | null) => {
      setFailure(undefined);
      setDone(message);
      if (answer) onChanged(answer);
    },
    onError: (error: unknown) => {
      setDone(undefined);
      setFailure(error);
    },
  });

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    const parsed = webPassword.safeParse(password);
    if (!parsed.success) {
      setPasswordError(fieldErrorText(t, 'password', 'TOO_SMALL', password));
      return;
    }
    setPasswordError(undefined);
    mutations.setPassword.mutate(
      { userId: user.id, password },
      {
        ...callbacks(t('users.actions.passwordSet', { login })),
        onSettled: () => setPassword(''),
      },
    );
  };

  const serverPasswordError =
    failure instanceof ApiError && failure.problem?.errors.some((error) => error.path === 'password');

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          {t('users.actions.title', { login })}
        </h2>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {t('users.actions.close')}
        </button>
      </div>

      <div aria-live="polite">
        {done && (
          <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            {done}
          </p>
        )}
      </div>
      {failure !== undefined && !serverPasswordError && <OperationError error={failure} />}

      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            mutations.update.mutate(
              { userId: user.id, body: { role } },
              callbacks(t('users.actions.roleSaved', { login, role: t(`roles.${role}`) })),
            );
          }}
        >
          <SelectField
            className="min-w-48 flex-1"
            label={t('users.actions.role')}
            value={role}
            options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
            onChange={(event) => setRole(event.target.value as Role)}
          />
          <button type="submit" disabled={working || role === user.role} className={PRIMARY_BUTTON}>
            {t('users.actions.saveRole')}
          </button>
        </form>

        <form className="flex flex-wrap items-start gap-3" noValidate onSubmit={submitPassword}>
          <TextField
            className="min-w-48 flex-1"
            label={t('users.actions.newPassword')}
            hint={t('fields.passwordTooShort', { min: WEB_PASSWORD_MIN_LENGTH })}
            type="password"
            autoComplete="new-password"
            value={password}
            error={passwordError ?? (serverPasswordError ? t('fields.invalidValue') : undefined)}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" disabled={working} className={`${PRIMARY_BUTTON} mt-7`}>
            {t('users.actions.setPassword')}
          </button>
        </form>
      </div>

      <div className="mt-6 flex flex-wrap gap-3 border-t border-slate-200 pt-4">
        <button
          type="button"
          disabled={working}
          className={SECONDARY_BUTTON}
          onClick={() =>
            mutations.update.mutate(
              { userId: user.id, body: { active: !user.active } },
              callbacks(t(user.active ? 'users.actions.disabled' : 'users.actions.enabled', { login })),
            )
          }
        >
          {user.active ? t('users.actions.disable') : t('users.actions.enable')}
        </button>
        <InviteUserButton
          user={user}
          disabled={working}
          onDone={(message) => {
            setFailure(undefined);
            setDone(message);
          }}
          onError={(error) => {
            setDone(undefined);
            setFailure(error);
          }}
        />
        {user.secondFactorEnabled && (
          <button
            type="button"
            disabled={working}
            className={SECONDARY_BUTTON}
            onClick={() =>
              mutations.resetSecondFactor.mutate(
                user.id,
                callbacks(t('users.actions.secondFactorReset', { login })),
              )
            }
          >
            {t('users.actions.resetSecondFactor')}
          </button>
        )}
        {working && (
          <p role="status" className="self-center text-slate-600">
            {t('users.actions.working')}
          </p>
        )}
      </div>
    </section>
  );
}
