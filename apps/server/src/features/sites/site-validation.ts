import { DomainError, parseWorkDeclarationNumber, type FieldError } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { findClient } from '../clients/client-repository.js';

/**
 * Checks a site's fields as they will be stored, and lists every bad one at once: the client must
 * be the company's own, coordinates come as a pair (a geofence needs both), and the work
 * declaration number is parsed (code `WORK_DECLARATION_NUMBER_FORMAT`). Returns the parsed number
 * when one was sent.
 */
export async function checkSiteFields(
  db: Db,
  tenantId: string,
  given: { clientId?: string; workDeclarationNumber?: string | null },
  coordinates: { latitude: number | null; longitude: number | null },
) {
  const errors: FieldError[] = [];
  let workDeclarationNumber: string | null | undefined;
  if (given.clientId !== undefined && !(await findClient(db, tenantId, given.clientId)))
    errors.push({ path: 'clientId', code: 'CLIENT_NOT_FOUND', message: 'is not a client of this company' });
  if ((coordinates.latitude === null) !== (coordinates.longitude === null))
    errors.push({
      path: coordinates.latitude === null ? 'latitude' : 'longitude',
      code: 'COORDINATES_INCOMPLETE',
      message: 'latitude and longitude go together: give both or neither',
    });
  if (given.workDeclarationNumber !== undefined) {
    workDeclarationNumber = null;
    if (given.workDeclarationNumber !== null) {
      const parsed = parseWorkDeclarationNumber(given.workDeclarationNumber);
      if (parsed.ok) workDeclarationNumber = parsed.value;
      else errors.push({ path: 'workDeclarationNumber', code: parsed.code, message: parsed.message });
    }
  }
  if (errors.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Some fields are invalid: fix them and send the form again.', {
      fieldErrors: errors,
    });
  return { workDeclarationNumber };
}
