// What ONSS knows besides the registrations themselves: the art. 30bis work declarations with the
// companies listed on them, the national register, the employers' status and the Dimona
// declarations. The simulator's register checks and its asynchronous validation read only this.
import { parseEnterpriseNumber, parseWorkDeclarationNumber } from '@ciao/domain';
import { z } from 'zod';

/** A foreign VAT number: EU country prefix (never BE: Belgian employers use the enterprise number). */
export const FOREIGN_VAT_NUMBER = /^(?!BE)[A-Z]{2}[0-9A-Z+*]{2,13}$/;

/** An employer on a declaration: 10-digit enterprise number, or a foreign VAT number as given. */
export function employerKey(input: string): string {
  const parsed = parseEnterpriseNumber(input);
  return parsed.ok ? parsed.value : input.replace(/\s/g, '').toUpperCase();
}

const employerIdentifier = z.string().transform((value, context) => {
  const parsed = parseEnterpriseNumber(value);
  const key = employerKey(value);
  if (!parsed.ok && !FOREIGN_VAT_NUMBER.test(key)) {
    context.addIssue({
      code: 'custom',
      message: `${parsed.message} A foreign employer is given by its VAT number.`,
    });
  }
  return key;
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const enterpriseNumber = z.string().transform((value, context) => {
  const parsed = parseEnterpriseNumber(value);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
  return parsed.ok ? parsed.value : value;
});
const declarationNumber = z.string().transform((value, context) => {
  const parsed = parseWorkDeclarationNumber(value);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
  return parsed.ok ? parsed.value : value;
});
const niss = z.string().regex(/^\d{11}$/, 'must be 11 digits');

export const declarationSchema = z.object({
  number: declarationNumber,
  /** The company that declared the works (enterprise number or foreign VAT number). */
  mainContractor: employerIdentifier,
  /** Every subcontractor listed on the declaration: they may register on it too. */
  subcontractors: z.array(employerIdentifier).default([]),
  startDate: isoDate,
  /** Last day of the works, included; `null` while they go on. */
  endDate: isoDate.nullable().default(null),
  active: z.boolean().default(true),
  /** Some declared works fall outside the presence registration obligation. */
  subjectToRegistration: z.boolean().default(true),
  siteName: z.string().optional(),
  address: z
    .object({
      streetName: z.string(),
      houseNumber: z.string(),
      postCode: z.string(),
      municipalityName: z.string(),
    })
    .optional(),
  coordinates: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
});
export type Declaration = z.infer<typeof declarationSchema>;

export const employerSchema = z.object({
  enterpriseNumber,
  name: z.string().optional(),
  active: z.boolean().default(true),
});
export type Employer = z.infer<typeof employerSchema>;

export const referenceDataSchema = z.object({
  declarations: z.array(declarationSchema).default([]),
  /** NISS known to the national register; empty means every valid NISS is known. */
  knownNiss: z.array(niss).default([]),
  /** NISS the national register does not know, whatever `knownNiss` says. */
  unknownNiss: z.array(niss).default([]),
  /** Employers with their status; an employer not listed is active. */
  employers: z.array(employerSchema).default([]),
  /** Workers whose Dimona is missing or wrong, for one employer or (no enterprise number) for all. */
  withoutDimona: z.array(z.object({ ssin: niss, enterpriseNumber: enterpriseNumber.optional() })).default([]),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;
export type ReferenceDataInput = z.input<typeof referenceDataSchema>;

export function emptyReferenceData(): ReferenceData {
  return { declarations: [], knownNiss: [], unknownNiss: [], employers: [], withoutDimona: [] };
}

function mergeBy<T>(current: T[], added: T[], key: (value: T) => string): T[] {
  const byKey = new Map(current.map((value) => [key(value), value]));
  for (const value of added) byKey.set(key(value), value);
  return [...byKey.values()];
}

/** The reference data in force, replaced or merged through the admin API. */
export class ReferenceDataStore {
  private data: ReferenceData = emptyReferenceData();

  replace(data: ReferenceData): void {
    this.data = structuredClone(data);
  }

  /** Adds to what is there; an entry with the same key (number, NISS, enterprise number) wins. */
  merge(data: ReferenceData): void {
    const current = this.data;
    this.data = {
      declarations: mergeBy(current.declarations, data.declarations, (d) => d.number),
      knownNiss: [...new Set([...current.knownNiss, ...data.knownNiss])],
      unknownNiss: [...new Set([...current.unknownNiss, ...data.unknownNiss])],
      employers: mergeBy(current.employers, data.employers, (e) => e.enterpriseNumber),
      withoutDimona: mergeBy(
        current.withoutDimona,
        data.withoutDimona,
        (w) => `${w.ssin}/${w.enterpriseNumber}`,
      ),
    };
  }

  snapshot(): ReferenceData {
    return structuredClone(this.data);
  }

  declaration(number: string): Declaration | undefined {
    return this.data.declarations.find((declaration) => declaration.number === number);
  }

  isListedOn(declaration: Declaration, employer: string): boolean {
    return declaration.mainContractor === employer || declaration.subcontractors.includes(employer);
  }

  /** Active flag and the works' dates, compared with the Belgian day of the registration. */
  isActiveOn(declaration: Declaration, date: string): boolean {
    if (!declaration.active) return false;
    if (date < declaration.startDate) return false;
    return declaration.endDate === null || date <= declaration.endDate;
  }

  isNissKnown(ssin: string): boolean {
    if (this.data.unknownNiss.includes(ssin)) return false;
    return this.data.knownNiss.length === 0 || this.data.knownNiss.includes(ssin);
  }

  isEmployerActive(employer: string): boolean {
    return this.data.employers.find((candidate) => candidate.enterpriseNumber === employer)?.active ?? true;
  }

  isDimonaOk(ssin: string, employer: string): boolean {
    return !this.data.withoutDimona.some(
      (entry) =>
        entry.ssin === ssin && (entry.enterpriseNumber === undefined || entry.enterpriseNumber === employer),
    );
  }
}
