import type { NotificationScope, NotificationType } from '@ciao/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { ListStatus, Notice, ScreenHeader } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { OperationError } from '../../users/components/operation-error';
import {
  getMyNotifications,
  listScopeChoices,
  saveMyNotifications,
  type MyNotifications,
} from '../api/notifications-api';

const notificationsKey = ['me', 'notifications'] as const;

/** `/notifications` (every signed-in user): the e-mails they want, per type, and for which places. */
export function NotificationsScreen() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => getMyNotifications(signal),
  });
  return (
    <div className="space-y-6">
      <ScreenHeader title={t('notifications.title')} intro={t('notifications.intro')} />
      <ListStatus
        isPending={settings.isPending}
        error={settings.error}
        onRetry={() => void settings.refetch()}
      />
      {settings.data && <NotificationsForm settings={settings.data} />}
    </div>
  );
}

function NotificationsForm({ settings }: { settings: MyNotifications }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const typesId = useId();
  const first = settings.subscriptions[0];
  const [chosen, setChosen] = useState<Set<NotificationType>>(
    () => new Set(settings.subscriptions.map((s) => s.type)),
  );
  const [scope, setScope] = useState<NotificationScope>(first?.scope ?? 'all');
  const [scopeId, setScopeId] = useState<string>(first?.scopeId ?? '');
  const [notice, setNotice] = useState<string>();
  const [scopeError, setScopeError] = useState<string>();
  const choices = useQuery({
    queryKey: ['notifications', 'scope-choices'],
    queryFn: ({ signal }) => listScopeChoices(signal),
    enabled: scope !== 'all',
  });
  const save = useMutation({
    mutationFn: saveMyNotifications,
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationsKey, saved);
      setNotice(t('notifications.saved'));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    if (scope !== 'all' && !scopeId) {
      setScopeError(t(scope === 'site' ? 'notifications.scope.pickSite' : 'notifications.scope.pickClient'));
      return;
    }
    setScopeError(undefined);
    save.mutate(
      settings.offeredTypes
        .filter((type) => chosen.has(type))
        .map((type) => ({ type, scope, scopeId: scope === 'all' ? null : scopeId })),
    );
  };

  const places = scope === 'site' ? choices.data?.sites : choices.data?.clients;
  return (
    <form onSubmit={submit} className="max-w-2xl space-y-6" noValidate>
      {!settings.hasEmail && (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          {t('notifications.noEmail')}
        </p>
      )}
      {settings.offeredTypes.length === 0 ? (
        <p className="text-slate-700">{t('notifications.nothingOffered')}</p>
      ) : (
        <fieldset aria-describedby={typesId} className="space-y-4">
          <legend className="text-lg font-semibold text-slate-900">{t('notifications.types.legend')}</legend>
          <p id={typesId} className="text-sm text-slate-600">
            {t('notifications.types.hint')}
          </p>
          {settings.offeredTypes.map((type) => (
            <CheckboxField
              key={type}
              name={type}
              label={t(`notifications.types.${type}.label`)}
              hint={t(`notifications.types.${type}.hint`)}
              checked={chosen.has(type)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(type);
                else next.delete(type);
                setChosen(next);
              }}
            />
          ))}
        </fieldset>
      )}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t('notifications.scope.legend')}</legend>
        <SelectField
          label={t('notifications.scope.label')}
          value={scope}
          onChange={(event) => {
            setScope(event.target.value as NotificationScope);
            setScopeId('');
            setScopeError(undefined);
          }}
          options={(['all', 'site', 'client'] as const).map((value) => ({
            value,
            label: t(`notifications.scope.${value}`),
          }))}
        />
        {scope !== 'all' && (
          <SelectField
            label={t(scope === 'site' ? 'notifications.scope.site' : 'notifications.scope.client')}
            value={scopeId}
            error={scopeError}
            disabled={!places}
            onChange={(event) => {
              setScopeId(event.target.value);
              setScopeError(undefined);
            }}
            options={[{ value: '', label: t('notifications.scope.choose') }, ...(places ?? [])]}
          />
        )}
        <p className="text-sm text-slate-600">{t('notifications.scope.hint')}</p>
      </fieldset>
      <Notice message={notice} />
      {save.isError && <OperationError error={save.error} />}
      <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>
        {t('notifications.save')}
      </button>
    </form>
  );
}
