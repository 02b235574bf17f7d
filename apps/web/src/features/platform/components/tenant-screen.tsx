import { LICENCE_MAX_DEVICES } from '@ciao/domain';
import type { LicenceSummary } from '@ciao/domain';
import { formatDate, LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@ciao/front-common';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CheckboxField } from '../../../components/checkbox-field';
import { ListStatus } from '../../../components/list';
import { OneTimeSecret } from '../../../components/one-time-secret';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { platformApi } from '../api/platform-api';
import { usePlatformMutation, usePlatformTenants, useTenantLicences } from '../hooks/use-platform';
import { PlatformError } from './platform-frame';
import { CELL, HEAD } from './tenants-screen';

/** The texts of a licence code shown once, shared by issue, re-issue and answered requests. */
export function useCodeTexts() {
  const { t } = useTranslation();
  return {
    onlyOnce: t('platform.code.onlyOnce'),
    howTo: t('platform.code.howTo'),
    copy: t('platform.code.copy'),
    copied: t('platform.code.copied'),
    copyFailed: t('platform.code.copyFailed'),
    done: t('platform.code.done'),
  };
}

function IssueForm({ code, onIssued }: { code: string; onIssued: (secret: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const issue = usePlatformMutation((body: { maxDevices: number; expires?: string; label?: string }) =>
    platformApi.issueLicence(code, body),
  );
  const [maxDevices, setMaxDevices] = useState('10');
  const [expires, setExpires] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const quota = Number(maxDevices);
    if (!/^\d+$/.test(maxDevices.trim()) || quota < 1 || quota > LICENCE_MAX_DEVICES) {
      setError(t('platform.licences.quotaInvalid', { max: LICENCE_MAX_DEVICES }));
      return;
    }
    setError(undefined);
    setFailure(undefined);
    issue.mutate(
      { maxDevices: quota, expires: expires || undefined, label: label.trim() || undefined },
      { onSuccess: (issued) => onIssued(issued.code), onError: setFailure },
    );
  };
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm"
    >
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('platform.licences.issueTitle')}
      </h3>
      {failure !== undefined && <PlatformError error={failure} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('platform.licences.quota')}
          type="number"
          inputMode="numeric"
          min={1}
          max={LICENCE_MAX_DEVICES}
          required
          value={maxDevices}
          onChange={(event) => setMaxDevices(event.target.value)}
          error={error}
        />
        <TextField
          label={t('platform.licences.expires')}
          hint={t('platform.licences.expiresHint')}
          type="date"
          value={expires}
          onChange={(event) => setExpires(event.target.value)}
        />
        <TextField
          label={t('platform.licences.label')}
          maxLength={100}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <div className="sm:col-span-3">
          <button type="submit" className={PRIMARY_BUTTON} disabled={issue.isPending}>
            {t('platform.licences.issue')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ReissueConfirm({
  code,
  licence,
  onDone,
}: {
  code: string;
  licence: LicenceSummary;
  onDone: (secret?: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const reissue = usePlatformMutation((revokeDevices: boolean) =>
    platformApi.reissueLicence(code, licence.id, revokeDevices),
  );
  const [revokeDevices, setRevokeDevices] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-5"
    >
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('platform.licences.reissueTitle', { hint: licence.codeHint })}
      </h3>
      <p className="max-w-prose text-slate-800">{t('platform.licences.reissueExplain')}</p>
      {failure !== undefined && <PlatformError error={failure} />}
      <CheckboxField
        label={t('platform.licences.revokeDevices', { count: licence.activeDevices })}
        hint={t('platform.licences.revokeDevicesHint')}
        checked={revokeDevices}
        onChange={(event) => setRevokeDevices(event.target.checked)}
      />
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={PRIMARY_BUTTON}
          disabled={reissue.isPending}
          onClick={() =>
            reissue.mutate(revokeDevices, { onSuccess: (done) => onDone(done.code), onError: setFailure })
          }
        >
          {t('platform.licences.reissueConfirm')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
          {t('list.cancel')}
        </button>
      </div>
    </section>
  );
}

function InviteAdminForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const invite = usePlatformMutation(
    (body: { login: string; name: string; email: string; language?: string }) =>
      platformApi.inviteAdmin(code, body),
  );
  const [values, setValues] = useState({ login: 'admin', name: '', email: '', language: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [link, setLink] = useState<string>();
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.login.trim()) found.login = t('platform.invite.required');
    if (!values.name.trim()) found.name = t('platform.invite.required');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      found.email = t('platform.invite.emailInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFailure(undefined);
    invite.mutate(
      {
        login: values.login.trim(),
        name: values.name.trim(),
        email: values.email.trim(),
        language: values.language || undefined,
      },
      { onSuccess: (invited) => setLink(invited.url), onError: setFailure },
    );
  };
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('platform.invite.title')}
      </h2>
      <p className="max-w-prose text-slate-700">{t('platform.invite.intro')}</p>
      {link ? (
        <OneTimeSecret
          title={t('platform.invite.sent', { email: values.email.trim() })}
          secret={link}
          secretClassName="break-all text-base"
          testId="invitation-link"
          texts={{
            onlyOnce: t('platform.invite.linkOnce'),
            howTo: t('platform.invite.linkHowTo'),
            copy: t('platform.invite.copy'),
            copied: t('platform.code.copied'),
            copyFailed: t('platform.code.copyFailed'),
            done: t('platform.code.done'),
          }}
          onClose={() => setLink(undefined)}
        />
      ) : (
        <>
          {failure !== undefined && <PlatformError error={failure} />}
          <form
            noValidate
            onSubmit={submit}
            className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
          >
            <TextField
              label={t('platform.invite.login')}
              required
              value={values.login}
              onChange={set('login')}
              error={errors.login}
            />
            <TextField
              label={t('platform.invite.name')}
              required
              value={values.name}
              onChange={set('name')}
              error={errors.name}
            />
            <TextField
              label={t('platform.invite.email')}
              type="email"
              required
              value={values.email}
              onChange={set('email')}
              error={errors.email}
            />
            <SelectField
              label={t('platform.invite.language')}
              value={values.language}
              onChange={set('language')}
              options={[
                { value: '', label: t('platform.invite.companyLanguage') },
                ...SUPPORTED_LANGUAGES.map((item) => ({ value: item, label: LANGUAGE_NAMES[item] })),
              ]}
            />
            <div className="sm:col-span-2">
              <button type="submit" className={PRIMARY_BUTTON} disabled={invite.isPending}>
                {t('platform.invite.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/** `/platform/tenants/:code`: a company's licence codes (issue, re-issue) and its first administrator. */
export function TenantScreen() {
  const { t, i18n } = useTranslation();
  const code = useParams().code ?? '';
  const tenant = usePlatformTenants().data?.items.find((item) => item.code === code);
  useDocumentTitle(t('platform.tenant.title', { code }));
  const licences = useTenantLicences(code);
  const codeTexts = useCodeTexts();
  const [issuing, setIssuing] = useState(false);
  const [reissuing, setReissuing] = useState<LicenceSummary>();
  const [secret, setSecret] = useState<string>();

  return (
    <div className="space-y-8">
      <div>
        <Link to="/platform" className="text-brand-700 underline">
          {t('platform.tenant.back')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900 sm:text-3xl">
          {t('platform.tenant.title', { code })}
        </h1>
        {tenant && <p className="mt-1 text-slate-700">{tenant.name}</p>}
      </div>
      <section aria-labelledby="licences-heading" className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h2 id="licences-heading" className="text-xl font-semibold text-slate-900">
            {t('platform.licences.title')}
          </h2>
          {!issuing && (
            <button
              type="button"
              className={PRIMARY_BUTTON}
              onClick={() => {
                setSecret(undefined);
                setIssuing(true);
              }}
            >
              {t('platform.licences.new')}
            </button>
          )}
        </div>
        {secret && (
          <OneTimeSecret
            title={t('platform.code.title')}
            secret={secret}
            secretClassName="text-3xl tracking-widest"
            testId="platform-licence-code"
            texts={codeTexts}
            onClose={() => setSecret(undefined)}
          />
        )}
        {issuing && (
          <IssueForm
            code={code}
            onIssued={(issued) => {
              setIssuing(false);
              setSecret(issued);
            }}
          />
        )}
        {reissuing && (
          <ReissueConfirm
            code={code}
            licence={reissuing}
            onDone={(issued) => {
              setReissuing(undefined);
              if (issued) setSecret(issued);
            }}
          />
        )}
        <ListStatus
          isPending={licences.isPending}
          error={licences.error}
          onRetry={() => void licences.refetch()}
        />
        {licences.data && licences.data.items.length === 0 && (
          <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
            {t('platform.licences.empty')}
          </p>
        )}
        {licences.data && licences.data.items.length > 0 && (
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
            <table className="w-full border-collapse" aria-labelledby="licences-heading">
              <thead>
                <tr>
                  <th scope="col" className={HEAD}>
                    {t('platform.licences.columns.code')}
                  </th>
                  <th scope="col" className={HEAD}>
                    {t('platform.licences.columns.label')}
                  </th>
                  <th scope="col" className={HEAD}>
                    {t('platform.licences.columns.status')}
                  </th>
                  <th scope="col" className={HEAD}>
                    {t('platform.licences.columns.devices')}
                  </th>
                  <th scope="col" className={HEAD}>
                    {t('platform.licences.columns.expires')}
                  </th>
                  <th scope="col" className={HEAD}>
                    <span className="sr-only">{t('platform.tenants.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {licences.data.items.map((licence) => (
                  <tr key={licence.id}>
                    <th scope="row" className={`${CELL} font-mono`}>{`…${licence.codeHint}`}</th>
                    <td className={CELL}>{licence.label ?? '—'}</td>
                    <td className={CELL}>{t(`licences.status.${licence.status}`)}</td>
                    <td className={CELL}>{`${licence.activeDevices} / ${licence.maxDevices}`}</td>
                    <td className={CELL}>
                      {licence.expiresAt ? formatDate(licence.expiresAt, i18n.language) : '—'}
                    </td>
                    <td className={CELL}>
                      {licence.status !== 'revoked' && (
                        <button
                          type="button"
                          className="min-h-11 rounded-md border border-slate-400 px-3 font-medium text-slate-800 hover:bg-slate-50"
                          aria-label={t('platform.licences.reissueLabel', { hint: licence.codeHint })}
                          onClick={() => {
                            setSecret(undefined);
                            setReissuing(licence);
                          }}
                        >
                          {t('platform.licences.reissue')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <InviteAdminForm code={code} />
    </div>
  );
}
