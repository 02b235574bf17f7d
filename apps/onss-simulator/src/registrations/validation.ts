// ONSS validates registrations asynchronously: they are answered `pending`, then checked against
// the national register, the employer's file, the work declarations and Dimona, and end VALIDATED
// or FAILED with remarks from the official SOAP list. The simulator runs that validation lazily,
// when a registration is read after its due time, so that it is deterministic under a test clock
// and costs nothing while nobody looks.
import { brusselsDate } from '../brussels-time.js';
import type { ReferenceDataStore } from '../reference-data.js';
import { REMARKS, STATUS, VALIDITY, type Remark } from '../wire.js';
import type { RegistrationRecord, RegistrationStore } from './store.js';

/** The remarks the validation finds for one registration, in the order ONSS lists them. */
export function validationRemarks(record: RegistrationRecord, referenceData: ReferenceDataStore): Remark[] {
  const remarks: Remark[] = [];
  if (!referenceData.isNissKnown(record.ssin)) remarks.push(REMARKS.nissNotKnownInNationalRegister);
  if (!referenceData.isEmployerActive(record.employerKey)) remarks.push(REMARKS.employerNotActive);

  const declaration = referenceData.declaration(record.contractualRelationshipReference);
  if (!declaration) {
    remarks.push(REMARKS.ducNotExisting);
  } else {
    if (!referenceData.isActiveOn(declaration, brusselsDate(record.registrationDate))) {
      remarks.push(REMARKS.ducNotActiveAtDate);
    }
    if (!referenceData.isListedOn(declaration, record.employerKey)) remarks.push(REMARKS.companyNotInDuc);
    if (!declaration.subjectToRegistration) remarks.push(REMARKS.siteNotSubject);
  }

  if (!referenceData.isDimonaOk(record.ssin, record.employerKey)) remarks.push(REMARKS.relatedDimonaNotOk);
  return remarks;
}

/** Validates every pending registration whose due time has passed; returns how many were. */
export function settleValidations(
  store: RegistrationStore,
  referenceData: ReferenceDataStore,
  now: Date,
): number {
  const due = store.takeDueForValidation(now);
  for (const record of due) {
    // Remarks given at registration (the duplicate one) stay: validation adds to them.
    const remarks = [...new Set([...record.remarks, ...validationRemarks(record, referenceData)])];
    record.remarks = remarks;
    record.validity = remarks.length === 0 ? VALIDITY.valid : VALIDITY.invalid;
    record.status = remarks.length === 0 ? STATUS.validated : STATUS.failed;
    record.history.push({
      at: record.validationDueAt.toISOString(),
      validity: record.validity,
      status: record.status,
      remarks: [...remarks],
    });
  }
  return due.length;
}
