import { z } from 'zod';

/**
 * What a CSV file can onboard in bulk. Import clients before their sites: a site names its client.
 *
 * @example
 * importKind.parse('agents');
 */
export const importKind = z.enum(['agents', 'clients', 'sites']);

export type ImportKind = z.infer<typeof importKind>;

/** The most data lines one file may hold (the header aside). */
export const IMPORT_MAX_ROWS = 5000;
/** The largest CSV body accepted, in bytes (a 5,000-line file of agents is about 1 MB). */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * One column of an import file. Names are the API's field names (English camelCase); headers match
 * whatever their case. Only `required` columns must be present; a missing optional column, or an
 * empty cell, takes the same default as the API.
 */
export interface ImportColumn {
  name: string;
  required: boolean;
  /** The value on the template's example line. */
  example: string;
  /** What the cell holds, for the documentation and the UI. */
  description: string;
}

const yesNo = 'true/false (also yes/no, oui/non, ja/nee, 1/0); empty = default';
const date = 'a date, YYYY-MM-DD or DD/MM/YYYY; empty = none';
const address = (example: [string, string, string, string, string, string]): ImportColumn[] => [
  { name: 'street', required: false, example: example[0], description: 'street' },
  { name: 'houseNumber', required: false, example: example[1], description: 'house number' },
  { name: 'boxNumber', required: false, example: example[2], description: 'box number' },
  { name: 'postCode', required: false, example: example[3], description: 'post code' },
  { name: 'municipality', required: false, example: example[4], description: 'municipality' },
  { name: 'country', required: false, example: example[5], description: 'ISO country code; empty = BE' },
];

/**
 * The columns of each kind of import, in the template's order.
 *
 * @example
 * importColumns.sites.filter((column) => column.required).map((column) => column.name); // ['client', 'name']
 */
export const importColumns: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  agents: [
    {
      name: 'identifier',
      required: true,
      example: 'JDUPONT',
      description: 'the AGENT of AGENT@COMPANY, unique',
    },
    { name: 'firstName', required: true, example: 'Jean', description: 'first name' },
    { name: 'lastName', required: true, example: 'Dupont', description: 'last name' },
    { name: 'niss', required: false, example: '85.07.30-033.28', description: 'NISS, unique; empty = none' },
    { name: 'limosaId', required: false, example: '', description: 'Limosa number of a foreign worker' },
    {
      name: 'agentType',
      required: false,
      example: 'FIELD',
      description: 'FIELD, ADM, GST or a company code; empty = FIELD',
    },
    {
      name: 'employmentStatus',
      required: false,
      example: 'employee',
      description: 'employee, self_employed, temporary or intern; empty = employee',
    },
    {
      name: 'employer',
      required: false,
      example: '',
      description: "empty = the company's own worker; otherwise a subcontractor's name or enterprise number",
    },
    { name: 'payrollNumber', required: false, example: 'P-0042', description: 'payroll number' },
    { name: 'language', required: false, example: 'fr', description: 'fr, nl, en or de; empty = fr' },
    { name: 'email', required: false, example: 'jean.dupont@example.be', description: 'e-mail address' },
    { name: 'phone', required: false, example: '+32 470 12 34 56', description: 'phone number' },
    { name: 'activeFrom', required: false, example: '2026-12-01', description: date },
    { name: 'activeUntil', required: false, example: '', description: date },
    {
      name: 'mobileAccess',
      required: false,
      example: 'true',
      description: `may use the agent app; ${yesNo} (false)`,
    },
    {
      name: 'mobileIdentifier',
      required: false,
      example: '',
      description: 'app identifier if not the identifier, unique (needs agentCredentials.write)',
    },
    { name: 'active', required: false, example: 'true', description: `${yesNo} (true)` },
  ],
  clients: [
    { name: 'name', required: true, example: 'Immo Louise', description: 'name, unique in the company' },
    {
      name: 'reference',
      required: false,
      example: 'IL-01',
      description: 'your reference, unique in the company',
    },
    {
      name: 'enterpriseNumber',
      required: false,
      example: '0203.201.340',
      description: 'Belgian enterprise number',
    },
    { name: 'vatNumber', required: false, example: 'BE0203201340', description: 'VAT number' },
    { name: 'contactName', required: false, example: 'Marie Peeters', description: 'contact person' },
    { name: 'contactEmail', required: false, example: 'marie@immolouise.be', description: 'contact e-mail' },
    { name: 'contactPhone', required: false, example: '+32 2 123 45 67', description: 'contact phone' },
    ...address(['Avenue Louise', '231', '', '1050', 'Ixelles', 'BE']),
    { name: 'active', required: false, example: 'true', description: `${yesNo} (true)` },
  ],
  sites: [
    {
      name: 'client',
      required: true,
      example: 'IL-01',
      description: "the client's reference or name (import clients first)",
    },
    { name: 'name', required: true, example: 'Louise 231', description: 'site name, unique per client' },
    ...address(['Avenue Louise', '231', '', '1050', 'Ixelles', 'BE']),
    {
      name: 'latitude',
      required: false,
      example: '50.8275',
      description: 'decimal degrees (. or ,), with longitude',
    },
    {
      name: 'longitude',
      required: false,
      example: '4.3653',
      description: 'decimal degrees (. or ,), with latitude',
    },
    {
      name: 'geofenceRadiusMeters',
      required: false,
      example: '150',
      description: "metres; empty = the company's default",
    },
    {
      name: 'workDeclarationNumber',
      required: false,
      example: '1Y102M7NZF7PZ',
      description: 'work declaration (art. 30bis) number',
    },
    { name: 'subjectToOnss', required: false, example: 'true', description: `${yesNo} (true)` },
    { name: 'costCentre', required: false, example: 'CC-12', description: 'cost centre' },
    { name: 'active', required: false, example: 'true', description: `${yesNo} (true)` },
  ],
};

/** `POST /api/imports/:kind?mode=dry-run|apply` (dry run unless told). */
export const importQuery = z.object({ mode: z.enum(['dry-run', 'apply']).default('dry-run') });

export type ImportMode = z.output<typeof importQuery>['mode'];

/**
 * The body as JSON, for clients that read the file themselves; `text/csv` with the file as it is
 * works too.
 *
 * @example
 * importJsonBody.parse({ csv: 'name;reference\nImmo Louise;IL-01\n' });
 */
export const importJsonBody = z.object({ csv: z.string() });

/**
 * One problem with one line. `line` is the spreadsheet's row number (the header is line 1; a cell
 * spanning several text lines is one row); `field` is the column, or null for the whole line.
 * `code` is stable (`REQUIRED`, `DUPLICATE_IN_FILE`, `NISS_CHECK_DIGITS`…); `message` is English.
 */
export const importProblem = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export type ImportProblem = z.infer<typeof importProblem>;

/**
 * The answer of an import: a dry run's (200, even with problems, nothing written), an apply's (200,
 * `created` rows written in one transaction), or the body of an apply refused because of problems
 * (422 `IMPORT_INVALID`, the same fields in the problem document, nothing written).
 *
 * @example
 * { kind: 'clients', mode: 'dry-run', delimiter: ';', rowCount: 2, valid: false, created: 0,
 *   problems: [{ line: 3, field: 'enterpriseNumber', code: 'ENTERPRISE_NUMBER_CHECK_DIGITS', message: '…' }] }
 */
export const importReport = z.object({
  kind: importKind,
  mode: z.enum(['dry-run', 'apply']),
  delimiter: z.enum([';', ',']),
  /** The data lines read (blank lines aside). */
  rowCount: z.number().int(),
  valid: z.boolean(),
  created: z.number().int(),
  problems: z.array(importProblem),
});

export type ImportReport = z.infer<typeof importReport>;
