import { WEB_PASSWORD_MIN_LENGTH } from '@ciao/domain';
import type { z } from 'zod';
import type { ApiError } from './api';

/** A form's errors by field name, each a stable code (`TOO_SMALL`, `DUPLICATE_LOGIN`, …). */
export type FieldErrors = Partial<Record<string, string>>;

/** The per-field errors of a failed client-side check with a shared zod contract. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    errors[path] ??= issue.code.toUpperCase();
  }
  return errors;
}

/** The per-field errors the server listed in its problem document (`errors[].path`, `code`). */
export function serverFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of error.problem?.errors ?? []) errors[field.path] ??= field.code;
  // A conflict on one field comes as the problem's own code, e.g. DUPLICATE_LOGIN.
  if (error.problem?.code === 'DUPLICATE_LOGIN') errors.login ??= 'DUPLICATE_LOGIN';
  return errors;
}

type Translate = (key: FieldErrorKey, options?: Record<string, unknown>) => string;

export type FieldErrorKey =
  | 'fields.required'
  | 'fields.tooShort'
  | 'fields.passwordTooShort'
  | 'fields.tooLong'
  | 'fields.invalidFormat'
  | 'fields.invalidValue'
  | 'fields.duplicateLogin'
  | `reasons.${ReasonCode}`;

/** The server's reasons the forms explain in words (identifier parsers, agent rules). */
export const reasonCodes = [
  'NISS_FORMAT',
  'NISS_MONTH',
  'NISS_CHECK_DIGITS',
  'NISS_DAY',
  'NISS_COUNTER',
  'NISS_BIRTH_DATE_FUTURE',
  'ENTERPRISE_NUMBER_FORMAT',
  'ENTERPRISE_NUMBER_FIRST_DIGIT',
  'ENTERPRISE_NUMBER_CHECK_DIGITS',
  'EMPLOYER_NUMBER_FORMAT',
  'EMPLOYER_NUMBER_CHECK_DIGITS',
  'RESTRICTED_AGENT_TYPE',
  'DUPLICATE_IDENTIFIER',
  'SUBCONTRACTOR_NOT_FOUND',
  'DATE_RANGE',
  'FORBIDDEN',
  'VAT_NUMBER_FORMAT',
  'FOREIGN_VAT_NUMBER_FORMAT',
  'FOREIGN_VAT_NUMBER_BELGIAN',
  'EMPLOYER_ID_REQUIRED',
  'EMPLOYER_ID_BOTH',
  'CLIENT_NOT_FOUND',
  'COORDINATES_INCOMPLETE',
  'WORK_DECLARATION_NUMBER_FORMAT',
] as const;

export type ReasonCode = (typeof reasonCodes)[number];

const isReasonCode = (code: string): code is ReasonCode => (reasonCodes as readonly string[]).includes(code);

/** The translated words for a field error; an empty value says "required" rather than "too short". */
export function fieldErrorText(t: Translate, field: string, code: string, value?: string): string {
  switch (code) {
    case 'TOO_SMALL':
      if (value !== undefined && value.trim() === '') return t('fields.required');
      if (field === 'password') return t('fields.passwordTooShort', { min: WEB_PASSWORD_MIN_LENGTH });
      return t('fields.tooShort');
    case 'TOO_BIG':
      return t('fields.tooLong');
    case 'INVALID_FORMAT':
    case 'INVALID_STRING':
    case 'PATTERN':
      return t('fields.invalidFormat');
    case 'INVALID_TYPE':
      // A number box left blank is sent as no number at all.
      if (value !== undefined && value.trim() === '') return t('fields.required');
      return t('fields.invalidValue');
    case 'DUPLICATE_LOGIN':
      return t('fields.duplicateLogin');
    case 'REQUIRED':
      return t('fields.required');
    case 'CUSTOM':
      // The shared contracts' one cross-field rule: the end date after the start date.
      if (field === 'activeUntil') return t('reasons.DATE_RANGE');
      return t('fields.invalidValue');
    default:
      if (isReasonCode(code)) return t(`reasons.${code}`);
      return t('fields.invalidValue');
  }
}
