import { can, canWriteAgentOfType, DomainError, parseNiss, type FieldError, type Role } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/query-helpers.js';
import { findSubcontractor } from '../subcontractors/subcontractor-repository.js';
import { identifierTaken, mobileIdentifierTaken } from './agent-repository.js';

/**
 * The calendar day in Belgium at `now`: a NISS whose birth date is after it is refused. The clock is
 * the app's, so tests can move it.
 */
export function belgianToday(now: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The ADM/GST rule of the rights table: the two manager roles may not touch those agents. */
export function assertMayWriteAgentType(role: Role, agentType: string) {
  if (!canWriteAgentOfType(role, agentType)) {
    throw new DomainError(
      'RESTRICTED_AGENT_TYPE',
      `Only an administrator may create or modify an agent of type ${agentType}.`,
      {
        fieldErrors: [
          { path: 'agentType', code: 'RESTRICTED_AGENT_TYPE', message: 'is reserved to administrators' },
        ],
      },
    );
  }
}

/** Choosing the role of an agent's web user is managing users: administrators only. */
export function assertMayChooseUserRole(role: Role) {
  if (!can(role, 'users.write')) {
    throw new DomainError('FORBIDDEN', 'Only an administrator may choose the role of an agent’s user.', {
      fieldErrors: [{ path: 'userRole', code: 'FORBIDDEN', message: 'is chosen by an administrator' }],
    });
  }
}

/** The mobile identifier and password are credentials: `agentCredentials.write`. */
export function assertMaySetCredentials(role: Role, path: string) {
  if (!can(role, 'agentCredentials.write')) {
    throw new DomainError('FORBIDDEN', 'Your role may not set agents’ app credentials.', {
      fieldErrors: [{ path, code: 'FORBIDDEN', message: 'is not yours to set' }],
    });
  }
}

/**
 * Checks the fields that need the clock or the database, collecting every problem so the form can
 * show them all at once: the NISS (with the parser's code, e.g. `NISS_CHECK_DIGITS`), the
 * subcontractor (must be the company's) and the order of the active dates. Returns the NISS as
 * 11 bare digits (or null / undefined as given).
 */
export async function checkAgentFields(
  db: Db,
  tenantId: string,
  now: Date,
  input: {
    niss?: string | null;
    subcontractorId?: string | null;
    activeFrom?: string | null;
    activeUntil?: string | null;
  },
): Promise<{ niss: string | null | undefined }> {
  const errors: FieldError[] = [];
  let niss = input.niss;
  if (typeof input.niss === 'string') {
    const parsed = parseNiss(input.niss, belgianToday(now));
    if (parsed.ok) niss = parsed.value.niss;
    else errors.push({ path: 'niss', code: parsed.code, message: parsed.message });
  }
  if (input.subcontractorId && !(await findSubcontractor(db, tenantId, input.subcontractorId))) {
    errors.push({
      path: 'subcontractorId',
      code: 'SUBCONTRACTOR_NOT_FOUND',
      message: 'is not one of your company’s subcontractors',
    });
  }
  if (input.activeFrom && input.activeUntil && input.activeUntil < input.activeFrom) {
    errors.push({ path: 'activeUntil', code: 'DATE_RANGE', message: 'must be on or after the start date' });
  }
  if (errors.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'Some fields are invalid: fix them and send the form again.', {
      fieldErrors: errors,
    });
  }
  return { niss };
}

export function duplicateIdentifier(path: 'identifier' | 'mobileIdentifier'): DomainError {
  const what = path === 'identifier' ? 'identifier' : 'mobile identifier';
  return new DomainError('DUPLICATE_IDENTIFIER', `This ${what} is already used by another agent.`, {
    fieldErrors: [{ path, code: 'DUPLICATE_IDENTIFIER', message: 'is already used by another agent' }],
  });
}

/** Identifier and mobile identifier are each unique per company, whatever their case. */
export async function assertIdentifiersFree(
  db: Db,
  tenantId: string,
  identifiers: { identifier?: string; mobileIdentifier?: string | null },
  exceptAgentId?: string,
) {
  if (identifiers.identifier && (await identifierTaken(db, tenantId, identifiers.identifier, exceptAgentId)))
    throw duplicateIdentifier('identifier');
  if (
    identifiers.mobileIdentifier &&
    (await mobileIdentifierTaken(db, tenantId, identifiers.mobileIdentifier, exceptAgentId))
  )
    throw duplicateIdentifier('mobileIdentifier');
}

/** Maps a unique-index race (two creations at once) to the same answer as the checks above. */
export function identifierConflict(error: unknown): DomainError | undefined {
  if (isUniqueViolation(error, 'agents_identifier_key')) return duplicateIdentifier('identifier');
  if (isUniqueViolation(error, 'agents_mobile_identifier_key'))
    return duplicateIdentifier('mobileIdentifier');
  return undefined;
}
