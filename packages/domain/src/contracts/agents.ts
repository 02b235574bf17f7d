import { z } from 'zod';
import { mobilePassword, roleSchema } from './auth.js';
import {
  booleanQuery,
  isoDate,
  isoInstant,
  languageSchema,
  listQuery,
  optionalEmail,
  optionalText,
  pageOf,
} from './common.js';

/**
 * An agent identifier, stored upper-case: the `TEST` of the app login `TEST@COMPANY`, so it may not
 * contain `@`.
 *
 * @example
 * agentIdentifier.parse(' jdupont '); // 'JDUPONT'
 */
export const agentIdentifier = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'is required')
  .max(50, 'must be at most 50 characters')
  .regex(/^[A-Z0-9._-]+$/, 'may only contain letters, digits and . _ - (no @: the app adds @COMPANY)');

/**
 * An agent type: `FIELD` (field agent), `ADM` (administrative), `GST` (management) or another
 * upper-case code of the company. Input is upper-cased, so `adm` is `ADM` and obeys its restriction.
 *
 * @example
 * agentTypeSchema.parse('gst'); // 'GST'
 */
export const agentTypeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,19}$/, 'is an upper-case code of 2 to 20 letters, digits or _ (e.g. FIELD)');

/**
 * The capacity in which an agent works, sent with each ONSS registration.
 *
 * @example
 * employmentStatusSchema.parse('self_employed');
 */
export const employmentStatusSchema = z.enum(['employee', 'self_employed', 'temporary', 'intern']);

/**
 * A NISS as typed (dots, dashes and spaces allowed); the server checks it with `parseNiss` against
 * the Belgian date of the day and answers with the parser's code (e.g. `NISS_CHECK_DIGITS`).
 * Blank means "none".
 */
const nissInput = optionalText(20);

const phone = optionalText(40).refine((value) => value === null || /^[+0-9 ()./-]+$/.test(value), {
  message: 'may only contain digits, spaces and + ( ) . / -',
});

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

const dateRangeIsOrdered = (value: { activeFrom?: string | null; activeUntil?: string | null }) =>
  !value.activeFrom || !value.activeUntil || value.activeUntil >= value.activeFrom;
const dateRangeError = { message: 'must be on or after the start date', path: ['activeUntil'] };

const agentFields = {
  firstName: name,
  lastName: name,
  niss: nissInput.optional(),
  limosaId: optionalText(30).optional(),
  agentType: agentTypeSchema,
  employmentStatus: employmentStatusSchema,
  /** Null for the company's own workers. */
  subcontractorId: z.uuid().nullable().optional(),
  payrollNumber: optionalText(50).optional(),
  language: languageSchema,
  email: optionalEmail.optional(),
  phone: phone.optional(),
  activeFrom: isoDate.nullable().optional(),
  activeUntil: isoDate.nullable().optional(),
  /** The "Application mobile" box: may sign in to the agent app. */
  mobileAccess: z.boolean(),
  mobileIdentifier: agentIdentifier.optional(),
  /** The role of the agent's web user: only an administrator may choose it. */
  userRole: roleSchema.optional(),
};

/**
 * Creating an agent, which also creates its web user (role `NONE` unless an administrator chooses
 * another; no password). The mobile identifier defaults to the identifier.
 *
 * @example
 * createAgentRequest.parse({ identifier: 'jdupont', firstName: 'Jean', lastName: 'Dupont', agentType: 'FIELD' });
 */
export const createAgentRequest = z
  .object({
    identifier: agentIdentifier,
    ...agentFields,
    agentType: agentFields.agentType.default('FIELD'),
    employmentStatus: agentFields.employmentStatus.default('employee'),
    language: agentFields.language.default('fr'),
    mobileAccess: agentFields.mobileAccess.default(false),
    mobilePassword: mobilePassword.optional(),
    active: z.boolean().default(true),
  })
  .refine(dateRangeIsOrdered, dateRangeError);

/** The start/end date rule of agents, for contracts built from the same fields (the public API). */
export const agentDateRangeRule = [dateRangeIsOrdered, dateRangeError] as const;

export type CreateAgentRequest = z.output<typeof createAgentRequest>;

/**
 * Changing an agent: only the fields sent change. Deactivating it (or removing its app access)
 * signs it out of the agent app; deactivating also deactivates its web user.
 *
 * @example
 * updateAgentRequest.parse({ active: false });
 */
export const updateAgentRequest = z
  .object({
    identifier: agentIdentifier.optional(),
    firstName: name.optional(),
    lastName: name.optional(),
    niss: agentFields.niss,
    limosaId: agentFields.limosaId,
    agentType: agentTypeSchema.optional(),
    employmentStatus: employmentStatusSchema.optional(),
    subcontractorId: agentFields.subcontractorId,
    payrollNumber: agentFields.payrollNumber,
    language: languageSchema.optional(),
    email: agentFields.email,
    phone: agentFields.phone,
    activeFrom: agentFields.activeFrom,
    activeUntil: agentFields.activeUntil,
    mobileAccess: z.boolean().optional(),
    mobileIdentifier: agentFields.mobileIdentifier,
    userRole: agentFields.userRole,
    active: z.boolean().optional(),
  })
  .refine(dateRangeIsOrdered, dateRangeError);

export type UpdateAgentRequest = z.output<typeof updateAgentRequest>;

/**
 * Setting or resetting an agent's mobile password (signs the agent out of the app everywhere).
 *
 * @example
 * setAgentMobilePasswordRequest.parse({ password: '482915' });
 */
export const setAgentMobilePasswordRequest = z.object({ password: mobilePassword });

/**
 * The agents list: search `q` on identifier, names, mobile identifier and payroll number; filters.
 * `employer` is `own` (the company's own workers) or a subcontractor's id.
 *
 * @example
 * agentListQuery.parse({ active: 'true', agentType: 'FIELD', employer: 'own' });
 */
export const agentListQuery = listQuery(
  [
    'identifier',
    'lastName',
    'firstName',
    'agentType',
    'employmentStatus',
    'activeFrom',
    'createdAt',
  ] as const,
  'lastName',
).extend({
  active: booleanQuery.optional(),
  mobileAccess: booleanQuery.optional(),
  agentType: agentTypeSchema.optional(),
  employmentStatus: employmentStatusSchema.optional(),
  employer: z.union([z.literal('own'), z.uuid()]).optional(),
});

export type AgentListQuery = z.output<typeof agentListQuery>;

/** Who employs the agent: the company itself or one of its subcontractors. */
export const agentEmployer = z.object({
  kind: z.enum(['own', 'subcontractor']),
  subcontractorId: z.uuid().nullable(),
  name: z.string(),
});

/**
 * Credentials, present only for roles allowed to see them (`agentCredentials.read`): the
 * supervisor's answers do not even carry the keys. A password itself is never readable.
 */
const credentialFields = {
  mobileIdentifier: z.string().nullable().optional(),
  hasMobilePassword: z.boolean().optional(),
};

/**
 * One row of the agents list. The NISS is always masked in lists (`85.07.**-***.**`).
 *
 * @example
 * agentListItem.shape.niss;
 */
export const agentListItem = z.object({
  id: z.uuid(),
  identifier: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  niss: z.string().nullable(),
  agentType: z.string(),
  employmentStatus: employmentStatusSchema,
  employer: agentEmployer,
  language: z.string(),
  active: z.boolean(),
  activeFrom: isoDate.nullable(),
  activeUntil: isoDate.nullable(),
  mobileAccess: z.boolean(),
  ...credentialFields,
});

export type AgentListItem = z.infer<typeof agentListItem>;

/** @example agentPage.shape.items; */
export const agentPage = pageOf(agentListItem);

/**
 * One agent in full. `niss` is the full number for roles that may edit agents (`agents.write`), and
 * masked for the others, who only need to tell workers apart. `user` (the linked web user) is
 * present only for roles that manage users.
 *
 * @example
 * agentView.shape.user;
 */
export const agentView = agentListItem.extend({
  nissMasked: z.boolean(),
  limosaId: z.string().nullable(),
  payrollNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  user: z
    .object({ id: z.uuid(), login: z.string(), role: roleSchema, active: z.boolean() })
    .nullable()
    .optional(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type AgentView = z.infer<typeof agentView>;

/**
 * The format of an agent's personal-data export (GDPR right of access).
 *
 * @example
 * personalDataQuery.parse({}); // { format: 'json' }
 */
export const personalDataQuery = z.object({
  format: z.enum(['json', 'pdf'], { message: 'must be json or pdf' }).default('json'),
});
