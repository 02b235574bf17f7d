import { createApiKeyRequest, nextDate, zonedInstant } from '@ciao/domain';
import type { CreateApiKeyRequest } from '@ciao/domain';
import { TIME_ZONE } from '@ciao/front-common';
import type { FieldErrors } from '../../lib/field-errors';
import { zodFieldErrors } from '../../lib/field-errors';

/** What the new-key form holds, as typed. */
export interface ApiKeyFormValues {
  name: string;
  /** `write` lets the integration create and change; every key reads. */
  write: boolean;
  /** The last day the key works (YYYY-MM-DD), or empty for no expiry. */
  expiresOn: string;
}

export const emptyApiKeyForm: ApiKeyFormValues = { name: '', write: false, expiresOn: '' };

/**
 * The request for the typed values, or the errors by field. A key "valid until 31 December" works
 * all of that day in Belgium: it expires at the next midnight, Brussels time. The last day must not
 * be before `today` (YYYY-MM-DD).
 */
export function toCreateApiKeyRequest(
  values: ApiKeyFormValues,
  today: string,
): { request: CreateApiKeyRequest; errors?: undefined } | { request?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (values.expiresOn && values.expiresOn < today) errors.expiresAt = 'EXPIRY_IN_PAST';
  const parsed = createApiKeyRequest.safeParse({
    name: values.name,
    scopes: values.write ? ['read', 'write'] : ['read'],
    expiresAt: values.expiresOn
      ? zonedInstant(nextDate(values.expiresOn), '00:00', TIME_ZONE).toISOString()
      : undefined,
  });
  if (!parsed.success) Object.assign(errors, { ...zodFieldErrors(parsed.error), ...errors });
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { request: parsed.data };
}
