import {
  createWebhookSubscriptionRequest,
  webhookEventTypes,
  webhookUrlProblem,
  type WebhookEventType,
  type WebhookSubscriptionSummary,
} from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/checkbox-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useWebhookMutations } from '../hooks/use-webhooks';

/** A new subscription: where ciao sends, and which events (administrators). */
export function CreateWebhookForm({
  onDone,
}: {
  onDone: (created?: { secret: string; subscription: WebhookSubscriptionSummary }) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const eventsLegendId = useId();
  const { create } = useWebhookMutations();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([...webhookEventTypes]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createWebhookSubscriptionRequest.safeParse({ url, events, description });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setFailure(undefined);
    create.mutate(parsed.data, {
      onSuccess: (created) => onDone(created),
      onError: (error) => {
        const fields = error instanceof ApiError ? serverFieldErrors(error) : {};
        if (Object.keys(fields).length > 0) setErrors(fields);
        else setFailure(error);
      },
    });
  };

  const urlError = errors.url
    ? t(`webhooks.form.urlErrors.${webhookUrlProblem(url.trim()) ?? 'INVALID_URL'}`)
    : undefined;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('webhooks.form.title')}
      </h2>
      {failure !== undefined && <OperationError error={failure} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField
          className="sm:col-span-2"
          label={t('webhooks.form.url')}
          hint={t('webhooks.form.urlHint')}
          type="url"
          inputMode="url"
          value={url}
          maxLength={2000}
          required
          onChange={(change) => setUrl(change.target.value)}
          error={urlError}
        />
        <TextField
          className="sm:col-span-2"
          label={t('webhooks.form.description')}
          hint={t('webhooks.form.descriptionHint')}
          value={description}
          maxLength={200}
          onChange={(change) => setDescription(change.target.value)}
          error={errors.description ? t('webhooks.form.descriptionTooLong') : undefined}
        />
        <fieldset
          className="space-y-3 sm:col-span-2"
          aria-describedby={errors.events ? eventsLegendId : undefined}
        >
          <legend className="font-medium text-slate-800">{t('webhooks.form.events')}</legend>
          {webhookEventTypes.map((type) => (
            <CheckboxField
              key={type}
              label={t(`webhooks.events.${type}`)}
              hint={t(`webhooks.eventHints.${type}`)}
              checked={events.includes(type)}
              onChange={(change) =>
                setEvents(
                  change.target.checked ? [...events, type] : events.filter((chosen) => chosen !== type),
                )
              }
            />
          ))}
          {errors.events && (
            <p id={eventsLegendId} className="text-sm font-medium text-red-800">
              {t('webhooks.form.eventsRequired')}
            </p>
          )}
        </fieldset>
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>
            {create.isPending ? t('webhooks.form.creating') : t('webhooks.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
