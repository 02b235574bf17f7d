// The synchronous checks of one registerInBulk item. A failed check means ONSS creates nothing
// (notCreatedPresenceRegistration with every reason found); what only the national register,
// Dimona or the employer's file can tell is left to the asynchronous validation.
import { parseEnterpriseNumber, parseNiss, parseWorkDeclarationNumber } from '@ciao/domain';
import { brusselsDate, brusselsDay } from '../brussels-time.js';
import { employerKey, FOREIGN_VAT_NUMBER, type ReferenceDataStore } from '../reference-data.js';
import type { Settings } from '../state.js';
import type { Reason, RegistrationItem } from '../wire-schemas.js';
import { NOT_CREATED_CODES as CODES, PRESENCE_TYPES, type PresenceType } from '../wire.js';

/** An item that passed every check, with its values normalised as ONSS records them. */
export interface CheckedItem {
  registrationDate: Date;
  ssin: string;
  type: PresenceType;
  employerKey: string;
  employer: { enterpriseNumber: string } | { foreignVatNumber: string };
  placeOfWork: Record<string, unknown>;
  contractualRelationshipReference: string;
}

export type ItemCheck = { ok: true; item: CheckedItem } | { ok: false; reasons: Reason[] };

// ISO 8601 with a time and an explicit zone: an instant without a zone would be ambiguous by an
// hour or two, which matters for a presence.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(text: string): Date | null {
  if (!INSTANT.test(text)) return null;
  // JavaScript rolls 30 February over to 2 March; ONSS would refuse such a date.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  if (calendar.getUTCMonth() + 1 !== month || calendar.getUTCDate() !== day) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function checkItem(
  item: RegistrationItem,
  context: { now: Date; settings: Settings; referenceData: ReferenceDataStore },
): ItemCheck {
  const reasons: Reason[] = [];
  const refuse = (code: string, description: string) => reasons.push({ code, description });

  const registrationDate = parseInstant(item.registrationDate);
  if (registrationDate === null) {
    refuse(
      CODES.invalidRegistrationDate,
      'registrationDate must be an ISO 8601 instant, e.g. 2026-03-02T07:58:00Z.',
    );
  } else if (
    registrationDate.getTime() >
    context.now.getTime() + context.settings.clockToleranceSeconds * 1000
  ) {
    // The law forbids registering in advance: a presence is registered when it happens.
    refuse(
      CODES.registrationDateInFuture,
      'registrationDate is in the future: nobody may register in advance.',
    );
  }

  if (!/^\d{11}$/.test(item.ssin)) {
    refuse(CODES.invalidSsin, 'ssin must be the 11 digits of the NISS, without separators.');
  } else {
    const niss = parseNiss(item.ssin, brusselsDay(context.now));
    if (!niss.ok) refuse(CODES.invalidSsin, niss.message);
  }

  const type = item.type.toLowerCase();
  if (!(PRESENCE_TYPES as readonly string[]).includes(type)) {
    refuse(CODES.invalidType, `type must be "in" or "out", not "${item.type}".`);
  }

  let employer: CheckedItem['employer'] | null = null;
  if (item.employer.enterpriseNumber !== undefined) {
    const parsed = parseEnterpriseNumber(item.employer.enterpriseNumber);
    if (!/^\d{10}$/.test(item.employer.enterpriseNumber)) {
      refuse(
        CODES.invalidEnterpriseNumber,
        'employer.enterpriseNumber must be 10 digits, without BE, dots or spaces.',
      );
    } else if (!parsed.ok) {
      refuse(CODES.invalidEnterpriseNumber, parsed.message);
    } else {
      employer = { enterpriseNumber: parsed.value };
    }
  } else if (item.employer.foreignVatNumber !== undefined) {
    if (FOREIGN_VAT_NUMBER.test(item.employer.foreignVatNumber)) {
      employer = { foreignVatNumber: item.employer.foreignVatNumber };
    } else {
      refuse(
        CODES.invalidForeignVatNumber,
        'employer.foreignVatNumber must be a foreign VAT number: country code then 2 to 13 letters or digits.',
      );
    }
  }

  const placeProblem = checkPlaceOfWork(item.placeOfWork);
  if (placeProblem) refuse(CODES.invalidPlaceOfWork, placeProblem);

  const reference = parseWorkDeclarationNumber(item.contractualRelationshipReference);
  const referenceOk = reference.ok && reference.value === item.contractualRelationshipReference;
  if (!referenceOk) {
    refuse(
      CODES.invalidReference,
      'contractualRelationshipReference must be the 13 upper-case letters and digits of the work declaration number.',
    );
  }

  if (
    context.settings.declarationChecks === 'register' &&
    referenceOk &&
    employer !== null &&
    registrationDate !== null
  ) {
    const key = employerKey(employerIdentifier(employer));
    const declaration = context.referenceData.declaration(item.contractualRelationshipReference);
    if (!declaration) {
      refuse(
        CODES.unknownReference,
        `DUC IS NOT EXISTING: no work declaration ${item.contractualRelationshipReference}.`,
      );
    } else {
      const date = brusselsDate(registrationDate);
      if (!context.referenceData.isActiveOn(declaration, date)) {
        refuse(
          CODES.referenceNotActive,
          `DUC IS NOT ACTIVE AT THIS DATE: the declaration does not cover ${date}.`,
        );
      }
      if (!context.referenceData.isListedOn(declaration, key)) {
        refuse(
          CODES.employerNotOnReference,
          'The employer is listed neither as main contractor nor as subcontractor on this work declaration.',
        );
      }
    }
  }

  if (reasons.length > 0 || employer === null || registrationDate === null) return { ok: false, reasons };
  return {
    ok: true,
    item: {
      registrationDate,
      ssin: item.ssin,
      type: type as PresenceType,
      employerKey: employerKey(employerIdentifier(employer)),
      employer,
      placeOfWork: item.placeOfWork,
      contractualRelationshipReference: item.contractualRelationshipReference,
    },
  };
}

function employerIdentifier(employer: CheckedItem['employer']): string {
  return 'enterpriseNumber' in employer ? employer.enterpriseNumber : employer.foreignVatNumber;
}

function checkPlaceOfWork(place: RegistrationItem['placeOfWork']): string | null {
  if (place.coordinates) {
    const { latitude, longitude } = place.coordinates;
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
      return 'latitude must be between -90 and 90.';
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      return 'longitude must be between -180 and 180.';
    }
  }
  if (place.address) {
    const { postCode, municipalityName, streetName } = place.address;
    // Cleaning presence registration concerns work places in Belgium: 4-digit Belgian post codes.
    if (!/^[1-9]\d{3}$/.test(postCode)) return 'address.postCode must be a Belgian post code (4 digits).';
    if (municipalityName.trim() === '' || streetName.trim() === '') {
      return 'address.municipalityName and address.streetName must not be empty.';
    }
  }
  return null;
}
