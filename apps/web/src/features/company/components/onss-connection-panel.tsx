import { onssEnvironmentSchema, updateOnssConnectionRequest } from '@ciao/domain';
import type { OnssConnectionView, OnssEnvironmentName } from '@ciao/domain';
import { RequestErrorMessage, formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useOnssConnection, useOnssConnectionMutations } from '../hooks/use-company';

/** A PEM private key is a few kilobytes; anything much bigger is the wrong file. */
const MAX_KEY_FILE_BYTES = 20_000;

/**
 * The company's connection to ONSS's PresenceRegistration service: environment, OAuth client id
 * and the private key that signs the token requests (uploaded, stored encrypted, never shown
 * again — only its fingerprint), and a test that asks ONSS for a token.
 */
export function OnssConnectionPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const connection = useOnssConnection();
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('onssConnection.title')}
      </h2>
      <p className="mt-1 max-w-prose text-slate-700">{t('onssConnection.intro')}</p>
      {connection.isPending && (
        <p role="status" className="mt-3 text-slate-700">
          {t('list.loading')}
        </p>
      )}
      {connection.isError && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={connection.error} />
        </p>
      )}
      {connection.data && (
        <OnssConnectionForm key={connection.data.clientId ?? ''} connection={connection.data} />
      )}
    </section>
  );
}

function OnssConnectionForm({ connection }: { connection: OnssConnectionView }) {
  const { t, i18n } = useTranslation();
  const canWrite = useSignedIn().capabilities.includes('company.write');
  const { update, test } = useOnssConnectionMutations();
  const [environment, setEnvironment] = useState<OnssEnvironmentName>(connection.environment);
  const [clientId, setClientId] = useState(connection.clientId ?? '');
  const [key, setKey] = useState<{ name: string; pem: string }>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  const readKeyFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setSaved(false);
    if (!file) return setKey(undefined);
    if (file.size > MAX_KEY_FILE_BYTES) {
      setKey(undefined);
      return setErrors({ ...errors, privateKeyPem: 'KEY_FILE_TOO_BIG' });
    }
    setErrors({ ...errors, privateKeyPem: undefined });
    setKey({ name: file.name, pem: await file.text() });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = updateOnssConnectionRequest.safeParse({ environment, clientId, privateKeyPem: key?.pem });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: () => {
        setSaved(true);
        setKey(undefined);
        test.reset();
      },
      onError: (error) => {
        if (error instanceof ApiError) setErrors(serverFieldErrors(error));
      },
    });
  };

  const keyError = errors.privateKeyPem
    ? errors.privateKeyPem === 'KEY_FILE_TOO_BIG'
      ? t('onssConnection.keyFileTooBig')
      : t('onssConnection.keyInvalid')
    : undefined;
  const hasFieldErrors = Object.values(errors).some(Boolean);
  const lastTest =
    test.data ??
    (connection.lastTestedAt
      ? { ok: connection.lastTestOk, reason: connection.lastTestResult, testedAt: connection.lastTestedAt }
      : undefined);

  return (
    <div className="mt-4 space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t('onssConnection.keyStatus')}</dt>
        <dd className="text-slate-900">
          {connection.hasPrivateKey ? (
            <>
              {t('onssConnection.keyStored')}{' '}
              <span className="font-mono break-all">{connection.publicKeyFingerprint}</span>
            </>
          ) : (
            t('onssConnection.noKey')
          )}
        </dd>
        <dt className="font-medium text-slate-700">{t('onssConnection.lastTest')}</dt>
        <dd className="text-slate-900">
          {lastTest
            ? lastTest.ok
              ? t('onssConnection.testOk', { when: formatDateTime(lastTest.testedAt, i18n.language) })
              : t('onssConnection.testFailed', {
                  when: formatDateTime(lastTest.testedAt, i18n.language),
                  reason: lastTest.reason ?? '',
                })
            : t('onssConnection.neverTested')}
        </dd>
      </dl>

      <div aria-live="polite">
        {saved && (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            {t('onssConnection.saved')}
          </p>
        )}
        {test.data && (
          <p
            role="status"
            className={`rounded-md border p-3 ${test.data.ok ? 'border-green-300 bg-green-50 text-green-900' : 'border-red-300 bg-red-50 text-red-900'}`}
          >
            {test.data.ok
              ? t('onssConnection.testOkNow')
              : t('onssConnection.testFailedNow', { reason: test.data.reason ?? '' })}
          </p>
        )}
      </div>
      {update.isError && !hasFieldErrors && <OperationError error={update.error} />}
      {test.isError && <OperationError error={test.error} />}

      <form noValidate onSubmit={submit}>
        <fieldset disabled={!canWrite} className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t('onssConnection.environment')}
            value={environment}
            onChange={(event) => {
              setSaved(false);
              setEnvironment(event.target.value as OnssEnvironmentName);
            }}
            options={onssEnvironmentSchema.options.map((value) => ({
              value,
              label: t(`onssConnection.environments.${value}`),
            }))}
          />
          <TextField
            label={t('onssConnection.clientId')}
            hint={t('onssConnection.clientIdHint')}
            autoComplete="off"
            spellCheck={false}
            value={clientId}
            error={errors.clientId ? t('fields.required') : undefined}
            onChange={(event) => {
              setSaved(false);
              setClientId(event.target.value);
            }}
          />
          <div className="space-y-1 sm:col-span-2">
            <TextField
              label={
                connection.hasPrivateKey ? t('onssConnection.replaceKey') : t('onssConnection.uploadKey')
              }
              hint={t('onssConnection.keyHint')}
              type="file"
              accept=".pem,.key,application/x-pem-file,text/plain"
              className="[&_input]:py-2"
              error={keyError}
              onChange={(event) => void readKeyFile(event)}
            />
            {key && (
              <p className="text-sm text-slate-700">{t('onssConnection.keyChosen', { name: key.name })}</p>
            )}
          </div>
          {canWrite && (
            <div className="flex flex-wrap gap-3 sm:col-span-2">
              <button type="submit" className={PRIMARY_BUTTON} disabled={update.isPending}>
                {update.isPending ? t('list.saving') : t('onssConnection.save')}
              </button>
              <button
                type="button"
                className={SECONDARY_BUTTON}
                disabled={test.isPending || !connection.hasPrivateKey || !connection.clientId}
                onClick={() => test.mutate()}
              >
                {test.isPending ? t('onssConnection.testing') : t('onssConnection.test')}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </div>
  );
}
