import { defaultAnomalyThresholds } from '@ciao/domain';
import type { AnomalyThresholds, CompanyView } from '@ciao/domain';

/** The anomaly limits a company may set, in the order the form shows them. */
export const thresholdNames = Object.keys(defaultAnomalyThresholds) as (keyof AnomalyThresholds)[];

/** The company form as typed. Numbers stay text until sent, so that a blank box can be refused. */
export interface CompanyFormValues {
  name: string;
  enterpriseNumber: string;
  onssEmployerNumber: string;
  timeZone: string;
  defaultLanguage: string;
  defaultGeofenceRadiusMeters: string;
  blockOutsideGeofence: boolean;
  maxEventAgeDays: string;
  requireTwoFactorForAdmins: boolean;
  /** One box per known threshold; blank means the default applies. */
  anomalyThresholds: Record<keyof AnomalyThresholds, string>;
}

export function companyToForm(company: CompanyView): CompanyFormValues {
  return {
    name: company.name,
    enterpriseNumber: company.enterpriseNumber ?? '',
    onssEmployerNumber: company.onssEmployerNumber ?? '',
    timeZone: company.timeZone,
    defaultLanguage: company.defaultLanguage,
    defaultGeofenceRadiusMeters: String(company.settings.defaultGeofenceRadiusMeters),
    blockOutsideGeofence: company.settings.blockOutsideGeofence,
    maxEventAgeDays: String(company.settings.maxEventAgeDays),
    requireTwoFactorForAdmins: company.settings.requireTwoFactorForAdmins,
    anomalyThresholds: Object.fromEntries(
      thresholdNames.map((name) => {
        const value = company.settings.anomalyThresholds[name];
        return [name, value === undefined ? '' : String(value)];
      }),
    ) as Record<keyof AnomalyThresholds, string>,
  };
}

const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
const blankToNull = (value: string) => (value.trim() === '' ? null : value);

/**
 * The `PATCH /api/company` body: only what changed since `initial`, settings nested, for the shared
 * contract to check. Example: `companyRequestBody({ ...initial, name: 'X' }, initial)` -> `{ name: 'X' }`.
 */
export function companyRequestBody(values: CompanyFormValues, initial: CompanyFormValues) {
  const body: Record<string, unknown> = {};
  const settings: Record<string, unknown> = {};
  if (values.name !== initial.name) body.name = values.name;
  if (values.enterpriseNumber !== initial.enterpriseNumber)
    body.enterpriseNumber = blankToNull(values.enterpriseNumber);
  if (values.onssEmployerNumber !== initial.onssEmployerNumber) {
    body.onssEmployerNumber = blankToNull(values.onssEmployerNumber);
  }
  if (values.timeZone !== initial.timeZone) body.timeZone = values.timeZone;
  if (values.defaultLanguage !== initial.defaultLanguage) body.defaultLanguage = values.defaultLanguage;
  if (values.defaultGeofenceRadiusMeters !== initial.defaultGeofenceRadiusMeters) {
    settings.defaultGeofenceRadiusMeters = toNumber(values.defaultGeofenceRadiusMeters);
  }
  if (values.blockOutsideGeofence !== initial.blockOutsideGeofence) {
    settings.blockOutsideGeofence = values.blockOutsideGeofence;
  }
  if (values.maxEventAgeDays !== initial.maxEventAgeDays)
    settings.maxEventAgeDays = toNumber(values.maxEventAgeDays);
  if (values.requireTwoFactorForAdmins !== initial.requireTwoFactorForAdmins) {
    settings.requireTwoFactorForAdmins = values.requireTwoFactorForAdmins;
  }
  if (thresholdNames.some((name) => values.anomalyThresholds[name] !== initial.anomalyThresholds[name])) {
    // The setting is replaced as a whole: blanks are left out, so that the default applies again.
    settings.anomalyThresholds = Object.fromEntries(
      thresholdNames
        .filter((name) => values.anomalyThresholds[name].trim() !== '')
        .map((name) => [name, toNumber(values.anomalyThresholds[name].replace(',', '.'))]),
    );
  }
  if (Object.keys(settings).length > 0) body.settings = settings;
  return body;
}
