import { defaultAnomalyThresholds, updateCompanyRequest } from '@ciao/domain';
import type { CompanyView } from '@ciao/domain';
import { LANGUAGE_NAMES, RequestErrorMessage, SUPPORTED_LANGUAGES } from '@ciao/front-common';
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
import { companyRequestBody, companyToForm, thresholdNames } from '../company-form-values';
import type { CompanyFormValues } from '../company-form-values';
import { useCompany, useUpdateCompany } from '../hooks/use-company';
import { OnssConnectionPanel } from './onss-connection-panel';
import { ScreenHeader } from '../../../components/list';

/** `/company`: the company's identity and settings, editable by administrators (company.write). */
export function CompanyScreen() {
  const { t } = useTranslation();
  const company = useCompany();
  // Kept here: the form starts afresh from the saved company, the notice stays.
  const [saved, setSaved] = useState(false);

  return (
    <div className="space-y-6">
      <ScreenHeader title={t('company.title')} intro={t('company.intro')} />
      {company.isPending && (
        <p role="status" className="text-slate-700">
          {t('company.loading')}
        </p>
      )}
      {company.isError && (
        <div role="alert" className="space-y-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <p>
            <RequestErrorMessage error={company.error} />
          </p>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => void company.refetch()}>
            {t('unreachable.retry')}
          </button>
        </div>
      )}
      {company.data && (
        <CompanyForm key={company.data.updatedAt} company={company.data} saved={saved} setSaved={setSaved} />
      )}
      <OnssConnectionPanel />
    </div>
  );
}

const NUMBER_RANGES = {
  'settings.defaultGeofenceRadiusMeters': { min: 10, max: 5000 },
  'settings.maxEventAgeDays': { min: 1, max: 30 },
} as const;

function CompanyForm({
  company,
  saved,
  setSaved,
}: {
  company: CompanyView;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('company.write');
  const update = useUpdateCompany();
  const initial = companyToForm(company);
  const [values, setValues] = useState<CompanyFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = updateCompanyRequest.safeParse(companyRequestBody(values, initial));
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        if (error instanceof ApiError) setErrors(serverFieldErrors(error));
      },
    });
  };

  const errorOf = (path: string, value: string) => {
    const code = errors[path];
    if (!code) return undefined;
    const range = NUMBER_RANGES[path as keyof typeof NUMBER_RANGES];
    if (range && code !== 'FORBIDDEN') return t('company.outOfRange', range);
    return fieldErrorText(t, path, code, value);
  };
  type TextKey = Exclude<
    keyof CompanyFormValues,
    'blockOutsideGeofence' | 'requireTwoFactorForAdmins' | 'anomalyThresholds'
  >;
  const field = (name: TextKey, path: string = name) => ({
    name,
    value: values[name],
    error: errorOf(path, values[name]),
    onChange: (event: { target: { value: string } }) => {
      setSaved(false);
      setValues({ ...values, [name]: event.target.value });
    },
  });

  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('company.formTitle', { code: company.code })}
      </h2>
      {!canWrite && <p className="mt-1 text-sm text-slate-700">{t('company.readOnly')}</p>}
      {update.isError && !hasFieldErrors && <OperationError error={update.error} />}
      <div aria-live="polite">
        {saved && (
          <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            {t('company.saved')}
          </p>
        )}
      </div>
      <form noValidate onSubmit={submit} className="mt-4">
        <fieldset disabled={!canWrite} className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('company.name')} autoComplete="organization" required {...field('name')} />
          <TextField label={t('company.code')} value={company.code} readOnly hint={t('company.codeHint')} />
          <TextField
            label={t('company.enterpriseNumber')}
            hint={t('company.enterpriseNumberHint')}
            autoComplete="off"
            {...field('enterpriseNumber')}
          />
          <TextField
            label={t('company.onssEmployerNumber')}
            hint={t('company.onssEmployerNumberHint')}
            autoComplete="off"
            {...field('onssEmployerNumber')}
          />
          <TextField
            label={t('company.timeZone')}
            hint={t('company.timeZoneHint')}
            autoComplete="off"
            spellCheck={false}
            {...field('timeZone')}
          />
          <SelectField
            label={t('company.defaultLanguage')}
            options={SUPPORTED_LANGUAGES.map((language) => ({
              value: language,
              label: LANGUAGE_NAMES[language],
            }))}
            {...field('defaultLanguage')}
          />
          <TextField
            label={t('company.defaultGeofenceRadius')}
            hint={t('company.outOfRange', NUMBER_RANGES['settings.defaultGeofenceRadiusMeters'])}
            type="number"
            inputMode="numeric"
            {...field('defaultGeofenceRadiusMeters', 'settings.defaultGeofenceRadiusMeters')}
          />
          <TextField
            label={t('company.maxEventAgeDays')}
            hint={t('company.outOfRange', NUMBER_RANGES['settings.maxEventAgeDays'])}
            type="number"
            inputMode="numeric"
            {...field('maxEventAgeDays', 'settings.maxEventAgeDays')}
          />
          <CheckboxField
            className="sm:col-span-2"
            label={t('company.blockOutsideGeofence')}
            hint={t('company.blockOutsideGeofenceHint')}
            checked={values.blockOutsideGeofence}
            onChange={(event) => setValues({ ...values, blockOutsideGeofence: event.target.checked })}
          />
          <CheckboxField
            className="sm:col-span-2"
            label={t('company.requireTwoFactorForAdmins')}
            hint={t('company.requireTwoFactorForAdminsHint')}
            checked={values.requireTwoFactorForAdmins}
            onChange={(event) => setValues({ ...values, requireTwoFactorForAdmins: event.target.checked })}
          />
          <fieldset className="space-y-3 sm:col-span-2">
            <legend className="text-lg font-semibold text-slate-900">{t('anomalyThresholds.title')}</legend>
            <p className="max-w-prose text-sm text-slate-700">{t('anomalyThresholds.intro')}</p>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {thresholdNames.map((name) => {
                const path = `settings.anomalyThresholds.${name}`;
                return (
                  <TextField
                    key={name}
                    label={t(`anomalyThresholds.names.${name}`)}
                    hint={t('anomalyThresholds.defaultIs', { value: defaultAnomalyThresholds[name] })}
                    placeholder={String(defaultAnomalyThresholds[name])}
                    inputMode="decimal"
                    value={values.anomalyThresholds[name]}
                    error={errors[path] ? t('anomalyThresholds.mustBePositive') : undefined}
                    onChange={(event) => {
                      setSaved(false);
                      setValues({
                        ...values,
                        anomalyThresholds: { ...values.anomalyThresholds, [name]: event.target.value },
                      });
                    }}
                  />
                );
              })}
            </div>
          </fieldset>
          {canWrite && (
            <div className="sm:col-span-2">
              <button type="submit" disabled={update.isPending} className={PRIMARY_BUTTON}>
                {update.isPending ? t('company.saving') : t('company.save')}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </section>
  );
}
