import { parseEnterpriseNumber } from '@ciao/domain';
import { SUPPORTED_LANGUAGES, LANGUAGE_NAMES } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus, Notice, ScreenHeader } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { platformApi } from '../api/platform-api';
import { usePlatformMutation, usePlatformTenants } from '../hooks/use-platform';
import { PlatformError } from './platform-frame';

export const CELL = 'border-b border-slate-200 px-3 py-2 text-left align-top';
export const HEAD = 'border-b-2 border-slate-300 px-3 py-2 text-left font-semibold text-slate-800';

function CreateTenantForm({ onDone }: { onDone: (code?: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const create = usePlatformMutation(platformApi.createTenant);
  const [values, setValues] = useState({ code: '', name: '', enterpriseNumber: '', language: 'fr' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^[A-Za-z0-9_-]{2,32}$/.test(values.code.trim()))
      found.code = t('platform.tenants.form.codeInvalid');
    if (values.name.trim().length < 2) found.name = t('platform.tenants.form.nameInvalid');
    if (values.enterpriseNumber.trim() && !parseEnterpriseNumber(values.enterpriseNumber).ok)
      found.enterpriseNumber = t('platform.tenants.form.enterpriseNumberInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFailure(undefined);
    create.mutate(
      {
        code: values.code.trim(),
        name: values.name.trim(),
        enterpriseNumber: values.enterpriseNumber.trim() || undefined,
        language: values.language as 'fr',
      },
      {
        onSuccess: (tenant) => onDone(tenant.code),
        onError: (error) => {
          const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
          if (fields.some((field) => field.path === 'enterpriseNumber'))
            setErrors({ enterpriseNumber: t('platform.tenants.form.enterpriseNumberInvalid') });
          else setFailure(error);
        },
      },
    );
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('platform.tenants.form.title')}
      </h2>
      {failure !== undefined && <PlatformError error={failure} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('platform.tenants.form.code')}
          hint={t('platform.tenants.form.codeHint')}
          required
          maxLength={32}
          value={values.code}
          onChange={set('code')}
          error={errors.code}
        />
        <TextField
          label={t('platform.tenants.form.name')}
          required
          maxLength={200}
          value={values.name}
          onChange={set('name')}
          error={errors.name}
        />
        <TextField
          label={t('platform.tenants.form.enterpriseNumber')}
          hint={t('platform.tenants.form.enterpriseNumberHint')}
          maxLength={20}
          value={values.enterpriseNumber}
          onChange={set('enterpriseNumber')}
          error={errors.enterpriseNumber}
        />
        <SelectField
          label={t('platform.tenants.form.language')}
          value={values.language}
          onChange={set('language')}
          options={SUPPORTED_LANGUAGES.map((language) => ({
            value: language,
            label: LANGUAGE_NAMES[language],
          }))}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>
            {t('platform.tenants.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** `/platform`: every company with its usage this month; create, suspend, reactivate. */
export function TenantsScreen() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('platform.tenants.title'));
  const headingId = useId();
  const tenants = usePlatformTenants();
  const suspend = usePlatformMutation(platformApi.suspend);
  const reactivate = usePlatformMutation(platformApi.reactivate);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(i18n.language);

  const toggle = (code: string, status: string) => {
    setNotice(undefined);
    setFailure(undefined);
    const mutation = status === 'active' ? suspend : reactivate;
    mutation.mutate(code, {
      onSuccess: () =>
        setNotice(
          t(status === 'active' ? 'platform.tenants.suspended' : 'platform.tenants.reactivated', { code }),
        ),
      onError: setFailure,
    });
  };

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('platform.tenants.title')}
        intro={t('platform.tenants.intro')}
        action={
          !creating && (
            <button type="button" className={PRIMARY_BUTTON} onClick={() => setCreating(true)}>
              {t('platform.tenants.new')}
            </button>
          )
        }
      />
      <Notice message={notice} />
      {failure !== undefined && <PlatformError error={failure} />}
      {creating && (
        <CreateTenantForm
          onDone={(code) => {
            setCreating(false);
            if (code) setNotice(t('platform.tenants.created', { code }));
          }}
        />
      )}
      <ListStatus
        isPending={tenants.isPending}
        error={tenants.error}
        onRetry={() => void tenants.refetch()}
      />
      {tenants.data && (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm sm:text-base" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col" className={HEAD}>
                  {t('platform.tenants.columns.company')}
                </th>
                <th scope="col" className={HEAD}>
                  {t('platform.tenants.columns.status')}
                </th>
                <th scope="col" className={HEAD}>
                  {t('platform.tenants.columns.agents')}
                </th>
                <th scope="col" className={HEAD}>
                  {t('platform.tenants.columns.devices')}
                </th>
                <th scope="col" className={HEAD}>
                  {t('platform.tenants.columns.registrations')}
                </th>
                <th scope="col" className={HEAD}>
                  {t('platform.tenants.columns.onssErrors')}
                </th>
                <th scope="col" className={HEAD}>
                  {t('platform.tenants.columns.requests')}
                </th>
                <th scope="col" className={HEAD}>
                  <span className="sr-only">{t('platform.tenants.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tenants.data.items.map((tenant) => (
                <tr key={tenant.id}>
                  <th scope="row" className={CELL}>
                    <Link
                      to={`/platform/tenants/${encodeURIComponent(tenant.code)}`}
                      className="font-semibold text-brand-700 underline"
                    >
                      {tenant.code}
                    </Link>
                    <span className="block font-normal text-slate-700">{tenant.name}</span>
                  </th>
                  <td className={CELL}>{t(`platform.tenants.status.${tenant.status}`)}</td>
                  <td className={CELL}>{number.format(tenant.activeAgents)}</td>
                  <td className={CELL}>{number.format(tenant.activeDevices)}</td>
                  <td className={CELL}>{number.format(tenant.registrationsThisMonth)}</td>
                  <td className={CELL}>
                    {tenant.onssErrorRate === null ? '—' : percent.format(tenant.onssErrorRate)}
                  </td>
                  <td className={CELL}>{number.format(tenant.openLicenceRequests)}</td>
                  <td className={CELL}>
                    <button
                      type="button"
                      className="min-h-11 rounded-md border border-slate-400 px-3 font-medium text-slate-800 hover:bg-slate-50"
                      aria-label={t(
                        tenant.status === 'active'
                          ? 'platform.tenants.suspendLabel'
                          : 'platform.tenants.reactivateLabel',
                        { code: tenant.code },
                      )}
                      onClick={() => toggle(tenant.code, tenant.status)}
                    >
                      {t(
                        tenant.status === 'active'
                          ? 'platform.tenants.suspend'
                          : 'platform.tenants.reactivate',
                      )}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
