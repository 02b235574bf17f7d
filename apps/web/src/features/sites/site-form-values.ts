import { parseWorkDeclarationNumber } from '@ciao/domain';
import type { SiteView } from '@ciao/domain';
import { EMPTY_ADDRESS, addressToForm, sameAddress } from '../../lib/address-form-values';
import type { AddressFormValues } from '../../lib/address-form-values';
import type { FieldErrors } from '../../lib/field-errors';

/** The site form as typed: coordinates and the radius stay text until sent. */
export interface SiteFormValues {
  clientId: string;
  name: string;
  address: AddressFormValues;
  latitude: string;
  longitude: string;
  geofenceRadiusMeters: string;
  workDeclarationNumber: string;
  subjectToOnss: boolean;
  costCentre: string;
  active: boolean;
}

/** A new site's values; a blank radius means the company's default one. */
export function emptySite(clientId = ''): SiteFormValues {
  return {
    clientId,
    name: '',
    address: EMPTY_ADDRESS,
    latitude: '',
    longitude: '',
    geofenceRadiusMeters: '',
    workDeclarationNumber: '',
    subjectToOnss: true,
    costCentre: '',
    active: true,
  };
}

export function siteToForm(site: SiteView): SiteFormValues {
  return {
    clientId: site.clientId,
    name: site.name,
    address: addressToForm(site.address),
    latitude: site.latitude === null ? '' : String(site.latitude),
    longitude: site.longitude === null ? '' : String(site.longitude),
    geofenceRadiusMeters: String(site.geofenceRadiusMeters),
    workDeclarationNumber: site.workDeclarationNumber ?? '',
    subjectToOnss: site.subjectToOnss,
    costCentre: site.costCentre ?? '',
    active: site.active,
  };
}

/**
 * A number as typed, with a decimal comma or point: blank is `null`, anything else that is not a
 * number stays as typed so that the shared contract refuses it with the field's name.
 * Example: `parseDecimal('50,8275')` -> `50.8275`.
 */
export function parseDecimal(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(trimmed)) return text;
  return Number(trimmed.replace(',', '.'));
}

/**
 * Coordinates pasted as one text (from a map site: `50.8275, 4.3653` or `50,8275 4,3653`), split in
 * two; undefined when the text is not a pair.
 */
export function splitCoordinatePair(text: string): { latitude: string; longitude: string } | undefined {
  // A comma between two numbers is read as a separator only when both use a decimal point:
  // `50,8275` alone is one number written the Belgian way.
  const pair =
    /^\s*([-+]?\d+\.\d+)\s*,\s*([-+]?\d+\.\d+)\s*$/.exec(text) ??
    /^\s*([-+]?\d+(?:[.,]\d+)?)\s*(?:;|\s)\s*([-+]?\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!pair?.[1] || !pair[2]) return undefined;
  return { latitude: pair[1], longitude: pair[2] };
}

/** A point picked on the map, to 6 decimals (about 10 cm: more would only be noise). */
export function pointToForm(latitude: number, longitude: number): { latitude: string; longitude: string } {
  return { latitude: String(Number(latitude.toFixed(6))), longitude: String(Number(longitude.toFixed(6))) };
}

/** The coordinates as numbers when both boxes hold a valid point, for the map to show it. */
export function formPoint(values: Pick<SiteFormValues, 'latitude' | 'longitude'>) {
  const latitude = parseDecimal(values.latitude);
  const longitude = parseDecimal(values.longitude);
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}

const radius = (text: string) => (text.trim() === '' ? undefined : parseDecimal(text));

/**
 * The request body for the shared contract to check: every field on creation (a blank radius left
 * out, for the company's default), only what changed since `initial` on edition. Latitude and
 * longitude are one rule on the pair: when one changes, both are sent.
 */
export function siteRequestBody(values: SiteFormValues, initial?: SiteFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const changed = (
    field:
      | 'clientId'
      | 'name'
      | 'latitude'
      | 'longitude'
      | 'geofenceRadiusMeters'
      | 'workDeclarationNumber'
      | 'costCentre',
  ) => !initial || values[field].trim() !== initial[field].trim();
  if (changed('clientId')) body.clientId = values.clientId;
  if (changed('name')) body.name = values.name;
  if (!initial || !sameAddress(values.address, initial.address)) body.address = values.address;
  if (changed('latitude') || changed('longitude')) {
    body.latitude = parseDecimal(values.latitude);
    body.longitude = parseDecimal(values.longitude);
  }
  if (changed('geofenceRadiusMeters')) {
    const value = radius(values.geofenceRadiusMeters);
    // On edition a cleared radius is refused ("required") rather than silently kept.
    if (value !== undefined || initial) body.geofenceRadiusMeters = value ?? values.geofenceRadiusMeters;
  }
  if (changed('workDeclarationNumber')) body.workDeclarationNumber = values.workDeclarationNumber;
  if (!initial || values.subjectToOnss !== initial.subjectToOnss) body.subjectToOnss = values.subjectToOnss;
  if (changed('costCentre')) body.costCentre = values.costCentre;
  if (!initial || values.active !== initial.active) body.active = values.active;
  return body;
}

/**
 * What can be told before asking the server, with the server's own codes: a client must be
 * chosen, the coordinates come as a pair, the work declaration number has ONSS's format.
 */
export function siteRuleErrors(values: SiteFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.clientId === '') errors.clientId = 'REQUIRED';
  const latitudeBlank = values.latitude.trim() === '';
  if (latitudeBlank !== (values.longitude.trim() === ''))
    errors[latitudeBlank ? 'latitude' : 'longitude'] = 'COORDINATES_INCOMPLETE';
  if (values.workDeclarationNumber.trim() !== '') {
    const parsed = parseWorkDeclarationNumber(values.workDeclarationNumber);
    if (!parsed.ok) errors.workDeclarationNumber = parsed.code;
  }
  return errors;
}

const numberFields = ['latitude', 'longitude', 'geofenceRadiusMeters'] as const;
type NumberField = (typeof numberFields)[number];

/**
 * The number boxes' errors say the allowed range rather than "too long" or "invalid": which of the
 * three boxes is out of range, or undefined for any other error (a blank box is "required").
 * Example: `outOfRangeField('latitude', 'TOO_BIG', '95')` -> `'latitude'`.
 */
export function outOfRangeField(field: string, code: string, value: string): NumberField | undefined {
  if (!(numberFields as readonly string[]).includes(field) || value.trim() === '') return undefined;
  return ['TOO_SMALL', 'TOO_BIG', 'INVALID_TYPE'].includes(code) ? (field as NumberField) : undefined;
}
