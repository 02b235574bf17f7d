import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { agents } from './people.js';
import { tenants } from './tenants.js';

/** A client ("Tiers"): the principal for whom the cleaning is done. */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    reference: text('reference'),
    enterpriseNumber: text('enterprise_number'),
    vatNumber: text('vat_number'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    street: text('street'),
    houseNumber: text('house_number'),
    boxNumber: text('box_number'),
    postCode: text('post_code'),
    municipality: text('municipality'),
    country: text('country').notNull().default('BE'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('clients_tenant_name_idx').on(t.tenantId, t.name),
    index('clients_tenant_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);

/** A place of work, with its geofence and the work declaration (art. 30bis) that ONSS knows it by. */
export const sites = pgTable(
  'sites',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    street: text('street'),
    houseNumber: text('house_number'),
    boxNumber: text('box_number'),
    postCode: text('post_code'),
    municipality: text('municipality'),
    country: text('country').notNull().default('BE'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    geofenceRadiusMeters: integer('geofence_radius_meters').notNull().default(150),
    /** The 13-character technical number of the work declaration. */
    workDeclarationNumber: text('work_declaration_number'),
    subjectToOnss: boolean('subject_to_onss').notNull().default(true),
    costCentre: text('cost_centre'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sites_tenant_name_idx').on(t.tenantId, t.name),
    index('sites_tenant_client_idx').on(t.tenantId, t.clientId),
    index('sites_tenant_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);

export const taskGroups = pgTable(
  'task_groups',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('task_groups_tenant_idx').on(t.tenantId, t.name)],
);

/**
 * One weekly slot of a task's schedule: ISO weekday (1 = Monday) and local start/end times
 * (`HH:MM`, Europe/Brussels or the tenant's zone). An end before the start crosses midnight.
 */
export interface ScheduleSlot {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  start: string;
  end: string;
}

/** A recurring piece of work on one site, which linked agents see in the agent app while active. */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    groupId: uuid('group_id').references(() => taskGroups.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    schedule: jsonb('schedule').$type<ScheduleSlot[]>().notNull().default([]),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_tenant_site_idx').on(t.tenantId, t.siteId),
    index('tasks_tenant_group_idx').on(t.tenantId, t.groupId),
    index('tasks_tenant_updated_idx').on(t.tenantId, t.updatedAt),
    index('tasks_tenant_active_idx')
      .on(t.tenantId)
      .where(sql`${t.active}`),
  ],
);

export const taskAgents = pgTable(
  'task_agents',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.agentId] }),
    index('task_agents_agent_idx').on(t.tenantId, t.agentId),
  ],
);
