import { DomainError, parseEnterpriseNumber, type FieldError } from '@ciao/domain';

/**
 * Checks the identifiers of a client as they will be stored: the enterprise number as its 10
 * digits (errors with the parser's code), the VAT number upper case without separators. Only the
 * fields sent are returned.
 */
export function checkClientIdentifiers(given: {
  enterpriseNumber?: string | null;
  vatNumber?: string | null;
}) {
  const errors: FieldError[] = [];
  const result: { enterpriseNumber?: string | null; vatNumber?: string | null } = {};
  if (given.enterpriseNumber !== undefined) {
    result.enterpriseNumber = null;
    if (given.enterpriseNumber !== null) {
      const parsed = parseEnterpriseNumber(given.enterpriseNumber);
      if (parsed.ok) result.enterpriseNumber = parsed.value;
      else errors.push({ path: 'enterpriseNumber', code: parsed.code, message: parsed.message });
    }
  }
  if (given.vatNumber !== undefined) {
    result.vatNumber = null;
    if (given.vatNumber !== null) {
      const normalised = given.vatNumber.toUpperCase().replace(/[\s.-]/g, '');
      if (!/^[A-Z]{2}[A-Z0-9+*]{2,13}$/.test(normalised))
        errors.push({
          path: 'vatNumber',
          code: 'VAT_NUMBER_FORMAT',
          message: 'must be a country code and the number, e.g. BE0203201340',
        });
      else result.vatNumber = normalised;
    }
  }
  if (errors.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Some fields are invalid: fix them and send the form again.', {
      fieldErrors: errors,
    });
  return result;
}
