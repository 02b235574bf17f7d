import { GEOFENCE_RADIUS_RANGE, createSiteRequest, updateSiteRequest } from '@ciao/domain';
import type { SiteView } from '@ciao/domain';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { AddressFields } from '../../../components/address-fields';
import { CheckboxField } from '../../../components/checkbox-field';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api';
import { fieldErrorText, serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import type { FieldErrors } from '../../../lib/field-errors';
import { OperationError } from '../../users/components/operation-error';
import { useClientChoices, useDefaultGeofenceRadius, useSiteMutations } from '../hooks/use-sites';
import {
  emptySite,
  formPoint,
  outOfRangeField,
  parseDecimal,
  pointToForm,
  siteRequestBody,
  siteRuleErrors,
  siteToForm,
  splitCoordinatePair,
} from '../site-form-values';
import type { SiteFormValues } from '../site-form-values';
import { SiteMap } from './site-map';

type TextKey = Exclude<keyof SiteFormValues, 'address' | 'subjectToOnss' | 'active'>;

/**
 * Creating a site (no `site`; `clientId` preselects its client) or editing one. The coordinates are
 * typed in their boxes or picked on a map shown on demand; the rules the server applies (a client
 * of the company, both coordinates, the work declaration number's format) are checked here first.
 */
export function SiteForm({
  site,
  clientId,
  onDone,
}: {
  site?: SiteView;
  clientId?: string;
  onDone: (saved?: SiteView) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { create, update } = useSiteMutations();
  const clients = useClientChoices();
  const session = useSignedIn();
  const defaultRadius = useDefaultGeofenceRadius(!site && session.capabilities.includes('company.read'));
  const initial = site ? siteToForm(site) : undefined;
  const [values, setValues] = useState<SiteFormValues>(initial ?? emptySite(clientId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [mapShown, setMapShown] = useState(false);
  const mutation = site ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = siteRequestBody(values, initial);
    const parsed = (site ? updateSiteRequest : createSiteRequest).safeParse(body);
    const found = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...siteRuleErrors(values) };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    const onError = (error: Error) => {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error));
    };
    if (site) {
      if (Object.keys(parsed.data).length === 0) return onDone(site);
      update.mutate({ siteId: site.id, body: parsed.data }, { onSuccess: onDone, onError });
    } else {
      create.mutate(createSiteRequest.parse(body), { onSuccess: onDone, onError });
    }
  };

  const errorOf = (name: string, value?: string) => {
    const code = errors[name];
    if (!code) return undefined;
    const outOfRange = outOfRangeField(name, code, value ?? '');
    if (outOfRange) return t(`sites.ranges.${outOfRange}`, GEOFENCE_RADIUS_RANGE);
    return fieldErrorText(t, name, code, value);
  };
  const field = (name: TextKey) => ({
    name,
    value: values[name],
    error: errorOf(name, values[name]),
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });
  // Coordinates pasted together ("50.8275, 4.3653") fill both boxes.
  const coordinate = (name: 'latitude' | 'longitude') => ({
    ...field(name),
    onChange: (event: { target: { value: string } }) =>
      setValues({
        ...values,
        ...(splitCoordinatePair(event.target.value) ?? { [name]: event.target.value }),
      }),
  });

  const clientOptions = (clients.data?.items ?? []).map((client) => ({
    value: client.id,
    label: client.active ? client.name : `${client.name} (${t('sites.inactiveClient')})`,
  }));
  if (site && !clientOptions.some((option) => option.value === site.clientId)) {
    clientOptions.push({ value: site.clientId, label: site.clientName });
  }
  const typedRadius = parseDecimal(values.geofenceRadiusMeters);
  // A new site left without a radius gets the company's: the map shows that one.
  const radius =
    typeof typedRadius === 'number'
      ? typedRadius
      : !site && values.geofenceRadiusMeters.trim() === ''
        ? defaultRadius.data
        : undefined;
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {site ? t('sites.form.editTitle', { name: site.name }) : t('sites.form.newTitle')}
      </h2>
      {mutation.isError && !hasFieldErrors && <OperationError error={mutation.error} />}
      <form noValidate onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('sites.form.client')}
          options={[{ value: '', label: t('sites.form.chooseClient') }, ...clientOptions]}
          required
          {...field('clientId')}
        />
        <TextField label={t('sites.form.name')} autoComplete="off" required {...field('name')} />
        <AddressFields
          className="sm:col-span-2"
          value={values.address}
          onChange={(address) => setValues({ ...values, address })}
          errorOf={errorOf}
        />

        <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2" aria-describedby={`${headingId}-geo`}>
          <legend className="mb-2 font-semibold text-slate-900 sm:col-span-2">
            {t('sites.form.location')}
          </legend>
          <p id={`${headingId}-geo`} className="text-sm text-slate-600 sm:col-span-2">
            {t('sites.form.locationHint')}
          </p>
          <TextField
            label={t('sites.form.latitude')}
            hint={t('sites.form.latitudeHint')}
            autoComplete="off"
            inputMode="decimal"
            {...coordinate('latitude')}
          />
          <TextField
            label={t('sites.form.longitude')}
            hint={t('sites.form.longitudeHint')}
            autoComplete="off"
            inputMode="decimal"
            {...coordinate('longitude')}
          />
          <TextField
            label={t('sites.form.geofenceRadius')}
            hint={t('sites.form.geofenceRadiusHint', GEOFENCE_RADIUS_RANGE)}
            autoComplete="off"
            inputMode="numeric"
            {...field('geofenceRadiusMeters')}
          />
          <div className="flex items-end">
            <button
              type="button"
              className={SECONDARY_BUTTON}
              aria-expanded={mapShown}
              onClick={() => setMapShown(!mapShown)}
            >
              {mapShown ? t('sites.map.hide') : t('sites.map.show')}
            </button>
          </div>
          {mapShown && (
            <div className="sm:col-span-2">
              <SiteMap
                point={formPoint(values)}
                radiusMeters={radius}
                onPick={(latitude, longitude) =>
                  setValues((current) => ({ ...current, ...pointToForm(latitude, longitude) }))
                }
              />
            </div>
          )}
        </fieldset>

        <TextField
          label={t('sites.form.workDeclarationNumber')}
          hint={t('sites.form.workDeclarationNumberHint')}
          autoComplete="off"
          spellCheck={false}
          {...field('workDeclarationNumber')}
        />
        <TextField
          label={t('sites.form.costCentre')}
          hint={t('sites.form.costCentreHint')}
          autoComplete="off"
          {...field('costCentre')}
        />
        <CheckboxField
          label={t('sites.form.subjectToOnss')}
          hint={t('sites.form.subjectToOnssHint')}
          checked={values.subjectToOnss}
          onChange={(event) => setValues({ ...values, subjectToOnss: event.target.checked })}
        />
        <CheckboxField
          label={t('sites.form.active')}
          hint={t('sites.form.activeHint')}
          checked={values.active}
          onChange={(event) => setValues({ ...values, active: event.target.checked })}
        />
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" disabled={mutation.isPending} className={PRIMARY_BUTTON}>
            {mutation.isPending ? t('list.saving') : site ? t('list.save') : t('sites.form.create')}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone()}>
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
