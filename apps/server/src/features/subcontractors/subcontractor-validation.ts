import { DomainError, parseEnterpriseNumber, type FieldError } from '@ciao/domain';

// A foreign VAT number: the country's two letters, then 2 to 13 letters or digits (EU VIES forms).
const FOREIGN_VAT = /^[A-Z]{2}[A-Z0-9+*]{2,13}$/;

/**
 * Checks a subcontractor's employer identity as it will be stored: exactly one of a Belgian
 * enterprise number (stored as its 10 digits) or a foreign VAT number (upper case, no separators).
 * Only the fields being set are parsed; the "exactly one" rule applies to the result.
 */
export function checkEmployerIdentity(
  given: { enterpriseNumber?: string | null; foreignVatNumber?: string | null },
  current: { enterpriseNumber: string | null; foreignVatNumber: string | null } = {
    enterpriseNumber: null,
    foreignVatNumber: null,
  },
) {
  const errors: FieldError[] = [];
  let enterpriseNumber = current.enterpriseNumber;
  let foreignVatNumber = current.foreignVatNumber;
  if (given.enterpriseNumber !== undefined) {
    enterpriseNumber = null;
    if (given.enterpriseNumber !== null) {
      const parsed = parseEnterpriseNumber(given.enterpriseNumber);
      if (parsed.ok) enterpriseNumber = parsed.value;
      else errors.push({ path: 'enterpriseNumber', code: parsed.code, message: parsed.message });
    }
  }
  if (given.foreignVatNumber !== undefined) {
    foreignVatNumber = null;
    if (given.foreignVatNumber !== null) {
      const normalised = given.foreignVatNumber.toUpperCase().replace(/[\s.-]/g, '');
      if (normalised.startsWith('BE'))
        errors.push({
          path: 'foreignVatNumber',
          code: 'FOREIGN_VAT_NUMBER_BELGIAN',
          message: 'is Belgian: enter it as the enterprise number',
        });
      else if (!FOREIGN_VAT.test(normalised))
        errors.push({
          path: 'foreignVatNumber',
          code: 'FOREIGN_VAT_NUMBER_FORMAT',
          message: 'must be a country code and the number, e.g. NL123456789B01',
        });
      else foreignVatNumber = normalised;
    }
  }
  if (errors.length === 0 && !enterpriseNumber && !foreignVatNumber)
    errors.push({
      path: 'enterpriseNumber',
      code: 'EMPLOYER_ID_REQUIRED',
      message: 'is required, or a foreign VAT number for a foreign company: ONSS needs the employer',
    });
  if (errors.length === 0 && enterpriseNumber && foreignVatNumber)
    errors.push({
      path: 'foreignVatNumber',
      code: 'EMPLOYER_ID_BOTH',
      message: 'must be empty when a Belgian enterprise number is given',
    });
  if (errors.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Some fields are invalid: fix them and send the form again.', {
      fieldErrors: errors,
    });
  return { enterpriseNumber, foreignVatNumber };
}
