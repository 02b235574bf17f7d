import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns.js';
import { tenants } from './tenants.js';

/**
 * A subcontractor company whose workers the tenant registers: its enterprise number (or foreign
 * VAT number) is the employer sent to ONSS for those workers.
 */
export const subcontractors = pgTable(
  'subcontractors',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    enterpriseNumber: text('enterprise_number'),
    foreignVatNumber: text('foreign_vat_number'),
    contactEmail: text('contact_email'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('subcontractors_tenant_idx').on(t.tenantId, t.name)],
);

/**
 * A person who works on sites and registers presences. `agentType` is FIELD, ADM (administrative),
 * GST (management) or another code of the tenant; ADM and GST are reserved to administrators.
 */
export const agents = pgTable(
  'agents',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Identifier unique per tenant, upper-case; the `AGENT` of `AGENT@COMPANY` by default. */
    identifier: text('identifier').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** NISS/INSZ, 11 digits. Sensitive: never logged, masked in lists. Null for a person without one. */
    niss: text('niss'),
    /** Limosa declaration id, for foreign workers without a NISS. */
    limosaId: text('limosa_id'),
    agentType: text('agent_type').notNull().default('FIELD'),
    /** employee, self_employed, temporary or intern: the "capacity" of the ONSS registration. */
    employmentStatus: text('employment_status').notNull().default('employee'),
    /** Null when the employer is the tenant itself. */
    subcontractorId: uuid('subcontractor_id').references(() => subcontractors.id),
    payrollNumber: text('payroll_number'),
    language: text('language').notNull().default('fr'),
    email: text('email'),
    phone: text('phone'),
    mobileAccess: boolean('mobile_access').notNull().default(false),
    mobileIdentifier: text('mobile_identifier'),
    mobilePasswordHash: text('mobile_password_hash'),
    mobilePasswordChangedAt: instant('mobile_password_changed_at'),
    activeFrom: date('active_from', { mode: 'string' }),
    activeUntil: date('active_until', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agents_identifier_key').on(t.tenantId, sql`upper(${t.identifier})`),
    uniqueIndex('agents_mobile_identifier_key')
      .on(t.tenantId, sql`upper(${t.mobileIdentifier})`)
      .where(sql`${t.mobileIdentifier} is not null`),
    index('agents_tenant_name_idx').on(t.tenantId, t.lastName, t.firstName),
    index('agents_tenant_updated_idx').on(t.tenantId, t.updatedAt),
    index('agents_niss_idx').on(t.tenantId, t.niss),
  ],
);
