import { createLicenceRequest, localTime, nextDate, zonedInstant } from '@ciao/domain';
import type { CreateLicenceRequest } from '@ciao/domain';
import { TIME_ZONE } from '@ciao/front-common';
import type { FieldErrors } from '../../lib/field-errors';
import { zodFieldErrors } from '../../lib/field-errors';

/** What the new-licence form holds, as typed. */
export interface LicenceFormValues {
  label: string;
  maxDevices: string;
  /** The last day the code activates phones (YYYY-MM-DD), or empty for no expiry. */
  expiresOn: string;
}

export const emptyLicenceForm: LicenceFormValues = { label: '', maxDevices: '', expiresOn: '' };

/**
 * The request for the typed values, or the errors by field. A code "valid until 31 December"
 * must still work all of that day in Belgium: it expires at the next midnight, Brussels time.
 * The expiry must be after `today` (YYYY-MM-DD, company time).
 */
export function toCreateLicenceRequest(
  values: LicenceFormValues,
  today: string,
): { request: CreateLicenceRequest; errors?: undefined } | { request?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const maxDevices = values.maxDevices.trim() === '' ? Number.NaN : Number(values.maxDevices.trim());
  if (values.maxDevices.trim() === '') errors.maxDevices = 'REQUIRED';
  if (values.expiresOn && values.expiresOn < today) errors.expiresAt = 'EXPIRY_IN_PAST';
  const parsed = createLicenceRequest.safeParse({
    label: values.label.trim() || undefined,
    maxDevices,
    expiresAt: values.expiresOn
      ? zonedInstant(nextDate(values.expiresOn), '00:00', TIME_ZONE).toISOString()
      : undefined,
  });
  if (!parsed.success) Object.assign(errors, { ...zodFieldErrors(parsed.error), ...errors });
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { request: parsed.data };
}

/**
 * How a licence's end reads in the list. A code "valid until 31 December" expires at the next
 * midnight, so an expiry at midnight shows as the day before — the last day it works — and any
 * other instant (set through the API) as a date and time.
 */
export function licenceValidUntil(expiresAt: string): { lastDay: string } | { instant: string } {
  const expiry = new Date(expiresAt);
  if (localTime(expiry, TIME_ZONE) !== '00:00') return { instant: expiresAt };
  return { lastDay: new Date(expiry.getTime() - 1).toISOString() };
}
