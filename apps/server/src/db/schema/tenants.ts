import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, instant, updatedAt } from './columns.js';

/** Tenant settings kept as one document: read together, validated by the domain contract. */
export interface TenantSettings {
  defaultGeofenceRadiusMeters?: number;
  blockOutsideGeofence?: boolean;
  maxEventAgeDays?: number;
  requireTwoFactorForAdmins?: boolean;
  anomalyThresholds?: Record<string, number>;
}

export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    /** The company code of the `AGENT@COMPANY` login, upper-case, e.g. `DEMO`. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** KBO/BCE enterprise number, 10 bare digits. */
    enterpriseNumber: text('enterprise_number'),
    onssEmployerNumber: text('onss_employer_number'),
    timeZone: text('time_zone').notNull().default('Europe/Brussels'),
    defaultLanguage: text('default_language').notNull().default('fr'),
    settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
    /** `active` or `suspended`: a suspended tenant keeps its data, its users and devices are refused. */
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('tenants_code_key').on(sql`upper(${t.code})`)],
);

/** The tenant's connection to ONSS PresenceRegistration (one per tenant). */
export const onssConnections = pgTable('onss_connections', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  /** `simulator`, `onss-simulation` or `onss-production`. */
  environment: text('environment').notNull().default('simulator'),
  clientId: text('client_id'),
  /** The company's private key (PEM), encrypted at rest; never returned by any route. */
  privateKeyEncrypted: bytea('private_key_encrypted'),
  publicKeyFingerprint: text('public_key_fingerprint'),
  lastTestedAt: instant('last_tested_at'),
  lastTestResult: text('last_test_result'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Licence codes that activate the agent app; the code itself is only stored hashed. */
export const licences = pgTable(
  'licences',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** SHA-256 of the normalised code: codes are long random strings, a fast hash is enough. */
    codeHash: text('code_hash').notNull(),
    /** The last characters, to recognise a code in lists without revealing it. */
    codeHint: text('code_hint').notNull(),
    label: text('label'),
    maxDevices: integer('max_devices').notNull(),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('licences_code_hash_key').on(t.codeHash), index('licences_tenant_idx').on(t.tenantId)],
);

/** A phone or tablet activated with a licence code. */
export const devices = pgTable(
  'devices',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    /** Identifier made by the app at install time. */
    installationId: text('installation_id').notNull(),
    platform: text('platform'),
    appVersion: text('app_version'),
    tokenHash: text('token_hash').notNull(),
    activatedAt: instant('activated_at').notNull().defaultNow(),
    lastSeenAt: instant('last_seen_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('devices_token_hash_key').on(t.tokenHash),
    index('devices_tenant_idx').on(t.tenantId, t.licenceId),
    uniqueIndex('devices_installation_key')
      .on(t.tenantId, t.installationId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** A tenant admin's request for a new licence code, answered by the platform operator. */
export const licenceRequests = pgTable(
  'licence_requests',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    requestedByUserId: uuid('requested_by_user_id'),
    /** Why the company asks for a code (a new team, a leaked code, more phones...). */
    message: text('message'),
    requestedMaxDevices: integer('requested_max_devices'),
    /** `open`, `answered` (a code was issued for it) or `refused`. */
    status: text('status').notNull().default('open'),
    answeredAt: instant('answered_at'),
    /** The operator's words to the company: a note with the code, or the reason of a refusal. */
    answer: text('answer'),
    /** Who answered: `operator:<id>` or `cli:<account>`, as in the audit log. */
    answeredBy: text('answered_by'),
    /** The licence issued in answer (its code was shown to the operator once, never stored). */
    licenceId: uuid('licence_id').references(() => licences.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('licence_requests_tenant_idx').on(t.tenantId, t.status)],
);
